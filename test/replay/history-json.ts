import { dirname } from 'node:path';
import { historyFromJSON, historyToJSON, type History } from '@temporalio/common/lib/proto-utils';
import proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

/**
 * Saved histories as proto JSON, through the SDK's `historyToJSON` / `historyFromJSON`.
 *
 * In this install those two throw `TypeError: type must be a Type`: the root node_modules holds
 * protobufjs 7 (for @grpc/proto-loader), so @temporalio/proto and @temporalio/common each get their
 * own nested copy of protobufjs 8, and common's protojson rejects the message types built by proto's
 * copy (an `instanceof` across copies). When that happens the same conversion is done with the
 * protojson of @temporalio/proto's own copy. Once protobufjs 8 is hoisted (e.g. by declaring it as a
 * direct dependency) the SDK path works and the fallback is never taken.
 */

const isCopyMismatch = (err: unknown) => err instanceof TypeError && err.message === 'type must be a Type';

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

let fallback: { protojson: ProtoJson; historyType: unknown } | undefined;
async function protoCopy() {
  if (!fallback) {
    const protojsonPath = require.resolve('protobufjs/ext/protojson', { paths: [dirname(require.resolve('@temporalio/proto'))] });
    const root = patchProtobufRoot(proto as unknown as Record<string, unknown>) as unknown as { lookupType(name: string): unknown };
    fallback = { protojson: (await import(protojsonPath)) as ProtoJson, historyType: root.lookupType('temporal.api.history.v1.History') };
  }
  return fallback;
}

/** Pretty proto JSON, the format `temporal workflow show --output json` and the SDK replayer read. */
export async function historyToJson(history: History): Promise<string> {
  try {
    return historyToJSON(history);
  } catch (err) {
    if (!isCopyMismatch(err)) throw err;
    const { protojson, historyType } = await protoCopy();
    const message = proto.temporal.api.history.v1.History.fromObject(history as Record<string, unknown>);
    return JSON.stringify(protojson.toJson(historyType, message), null, 2);
  }
}

/**
 * Reads proto JSON back into a History. The fallback reads the canonical spelling (EVENT_TYPE_…
 * enums, as written above and by the Temporal CLI), not the older PascalCase the SDK also accepts.
 */
export async function historyFromJson(json: unknown): Promise<History> {
  try {
    return historyFromJSON(json);
  } catch (err) {
    if (!isCopyMismatch(err)) throw err;
    const { protojson, historyType } = await protoCopy();
    return protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;
  }
}

import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** One decision of the bare chain: the stage it decides, checked like the engine's validator does. */
export const bareDecideUpdate = defineUpdate<{ stage: number; decided: number }, [number]>('bareDecide');

/**
 * The ceiling for the engine: a workflow with the same Update round trips as a 3-stage approval
 * (one per stage) and nothing else: no activities, no database, no HTTP.
 */
export async function bareApproval(stages: number): Promise<number> {
  let decided = 0;
  setHandler(
    bareDecideUpdate,
    (stage: number) => {
      decided += 1;
      return { stage, decided };
    },
    {
      validator: (stage: number) => {
        if (stage !== decided) throw new Error(`stage ${stage} is not open (next is ${decided})`);
      },
    },
  );
  await condition(() => decided >= stages);
  return decided;
}

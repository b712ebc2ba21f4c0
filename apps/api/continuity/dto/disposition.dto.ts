import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** Disposisi: an administrator moves open tasks to a person of their choice. */
export class AssignTasksDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100, description: 'Open tasks to move (of any proposals)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  // Lower case, as the workflows hold task ids (see ParseIdPipe): a task named in capitals is still that task.
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id)) : value))
  taskIds: string[];

  @ApiProperty({ format: 'uuid', description: 'Who receives them; they decide in the capacity `disposisi` (not as definitive holder)' })
  @IsUUID('all')
  toPersonId: string;

  @ApiProperty({ description: 'Why (kept in each proposal\'s record)', example: 'Jabatan kosong; ditangani Sekretaris sampai Plt. ditunjuk', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class AssignOutcomeView {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ enum: ['moved', 'skipped'] }) outcome: 'moved' | 'skipped';
  @ApiPropertyOptional({ format: 'uuid', description: 'The task that replaced it (moved)' }) newTaskId?: string;
  @ApiPropertyOptional({ description: 'Why it was not moved (skipped)', example: 'already closed (approved)' }) message?: string;
}

export class AssignTasksView {
  @ApiProperty({ type: [AssignOutcomeView], description: 'One entry per requested task, in the order given' }) results: AssignOutcomeView[];
}

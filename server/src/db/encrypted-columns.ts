/**
 * Every column that holds ciphertext (platform/crypto.ts), with the row key bound into each value.
 * Services encrypt and decrypt through `encryptionContext`; `npm run rotate-key` re-encrypts every
 * column listed here. A new encrypted column is added here, or rotation misses it.
 */
export const encryptedColumns = [
  { table: 'support_preferences', key: ['owner_id'], columns: { helps_ciphertext: 'helps', does_not_help_ciphertext: 'does_not_help' } },
  {
    table: 'intakes',
    key: ['owner_id'],
    columns: { other_substance_ciphertext: 'other_substance', support_note_ciphertext: 'support_note' },
  },
  { table: 'reflections', key: ['owner_id'], columns: { note_ciphertext: 'note' } },
  { table: 'checkins', key: ['owner_id', 'local_date'], columns: { note_ciphertext: 'note' } },
  { table: 'triggers', key: ['id'], columns: { label_ciphertext: 'label' } },
  { table: 'trigger_entries', key: ['id'], columns: { details_ciphertext: 'details' } },
  { table: 'support_contacts', key: ['id'], columns: { details_ciphertext: 'details' } },
  { table: 'encouragements', key: ['id'], columns: { message_ciphertext: 'message' } },
  { table: 'journal_entries', key: ['id'], columns: { title_ciphertext: 'title', body_ciphertext: 'body' } },
  { table: 'goals', key: ['id'], columns: { title_ciphertext: 'title', why_ciphertext: 'why' } },
  { table: 'goal_steps', key: ['id'], columns: { title_ciphertext: 'title' } },
  { table: 'two_factor_credentials', key: ['user_id'], columns: { secret_ciphertext: 'secret' } },
  { table: 'contract_versions', key: ['id'], columns: { items_ciphertext: 'items' } },
  {
    table: 'contract_parts',
    key: ['contract_version_id', 'partner_id'],
    columns: { intention_ciphertext: 'intention', medication_ciphertext: 'medication', meetings_ciphertext: 'meetings' },
  },
  { table: 'commitments', key: ['id'], columns: { text_ciphertext: 'text' } },
  { table: 'appreciations', key: ['id'], columns: { text_ciphertext: 'text' } },
  { table: 'boundaries', key: ['id'], columns: { text_ciphertext: 'text' } },
  { table: 'couple_goals', key: ['id'], columns: { title_ciphertext: 'title' } },
  { table: 'couple_goal_milestones', key: ['id'], columns: { title_ciphertext: 'title' } },
  { table: 'couple_activities', key: ['id'], columns: { title_ciphertext: 'title' } },
  { table: 'speaker_listener_sessions', key: ['id'], columns: { topic_ciphertext: 'topic' } },
  { table: 'speaker_listener_turns', key: ['id'], columns: { paraphrase_ciphertext: 'paraphrase' } },
  { table: 'connection_answers', key: ['id'], columns: { answer_ciphertext: 'answer' } },
  { table: 'plan_versions', key: ['id'], columns: { shared_ciphertext: 'shared' } },
  { table: 'plan_sections', key: ['plan_version_id', 'partner_id'], columns: { content_ciphertext: 'content' } },
  { table: 'lapse_reports', key: ['id'], columns: { details_ciphertext: 'details', reflection_ciphertext: 'reflection' } },
  { table: 'care_consents', key: ['id'], columns: { purpose_note_ciphertext: 'purpose_note' } },
  { table: 'struggling_notes', key: ['id'], columns: { message_ciphertext: 'message' } },
  { table: 'care_homework', key: ['id'], columns: { instructions_ciphertext: 'instructions' } },
  { table: 'caseload_flag_acknowledgements', key: ['id'], columns: { note_ciphertext: 'note' } },
  { table: 'session_note_versions', key: ['note_id', 'version'], columns: { body_ciphertext: 'body' } },
  { table: 'session_note_addenda', key: ['id'], columns: { body_ciphertext: 'body' } },
] as const;

export type EncryptedTable = (typeof encryptedColumns)[number]['table'];

/**
 * Binds a value to its table, row and field, so ciphertext moved to another row or column does
 * not decrypt. `rowKey` is the row's key columns, joined by '/' in the order listed above.
 */
export function encryptionContext(table: EncryptedTable, rowKey: string, field: string): string {
  return `${table}:${rowKey}:${field}`;
}

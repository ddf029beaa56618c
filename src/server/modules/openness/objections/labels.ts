import { registerTodoRecordType } from '../../../platform/todos/record-types.js';

/** The unit's to-do to answer an objection, and the township's 督办 once it is late. */
export const OBJECTION_TODO = 'disclosure_objection';
export const OBJECTION_OVERDUE_TODO = 'disclosure_objection_overdue';
registerTodoRecordType(OBJECTION_TODO, 'disclosure.read');
registerTodoRecordType(OBJECTION_OVERDUE_TODO, 'disclosure.read');

/** The receipt code's keyed digest: its own namespace, apart from the petitions' codes. */
export const OBJECTION_RULE = 'disclosure.objection_answer';

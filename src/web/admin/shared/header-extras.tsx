import { TodoBell } from '../features/todos/TodoBell';

/** Items in the header beside the user menu (the to-do bell registers here). */
export function HeaderExtras() {
  return <TodoBell />;
}

import type { FormInstance } from 'antd';
import { ApiError } from './api';

/** Puts a server error's field messages on the form's fields; returns the overall message. */
export function applyServerErrors(form: FormInstance, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.fields) {
      const known = Object.keys(form.getFieldsValue(true));
      // a nested field comes as reporter.idNumber: the form names it ['reporter', 'idNumber']
      form.setFields(
        Object.entries(err.fields)
          .filter(([name]) => known.includes(name.split('.')[0]))
          .map(([name, msg]) => ({ name: name.split('.'), errors: [msg] })),
      );
    }
    return err.message;
  }
  return '网络异常，请稍后重试';
}

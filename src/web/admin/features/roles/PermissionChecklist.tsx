import { Checkbox, Col, Row, Typography } from 'antd';
import { groupPermissions, type PermissionInfo } from './api';

/**
 * The permission catalogue as grouped checkboxes (a controlled form field). For an administrator role
 * (三员) the permissions it may never hold are disabled; the server refuses them anyway.
 */
export function PermissionChecklist(props: {
  catalogue: PermissionInfo[];
  adminClass: string | null;
  value?: string[];
  onChange?: (v: string[]) => void;
  readOnly?: boolean;
}) {
  const value = props.value ?? [];
  return (
    <Checkbox.Group value={value} onChange={(v) => props.onChange?.(v as string[])} style={{ width: '100%' }}>
      <div style={{ width: '100%' }}>
        {groupPermissions(props.catalogue).map((g) => (
          <div key={g.key} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{g.label}</Typography.Text>
            <Row gutter={[8, 4]} style={{ marginTop: 4 }}>
              {g.items.map((p) => {
                const forbidden = !!props.adminClass && p.forbiddenFor.includes(props.adminClass);
                return (
                  <Col key={p.code} xs={24} md={12}>
                    <Checkbox
                      value={p.code}
                      disabled={props.readOnly || (forbidden && !value.includes(p.code))}
                      title={forbidden ? '三员分立：该管理员角色不能拥有此权限' : p.code}
                    >
                      {p.label}
                    </Checkbox>
                  </Col>
                );
              })}
            </Row>
          </div>
        ))}
      </div>
    </Checkbox.Group>
  );
}

import { Checkbox, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { groupPermissions, type PermissionInfo } from './api';

/**
 * The permission catalogue as grouped checkboxes (a controlled form field). What the role may never
 * hold is disabled: outside its class for an administrator role (三员), the administrators' own
 * permissions for a business or custom role. The server refuses them anyway.
 */
export function PermissionChecklist(props: {
  catalogue: PermissionInfo[];
  adminClass: string | null;
  value?: string[];
  onChange?: (v: string[]) => void;
  readOnly?: boolean;
}) {
  const value = props.value ?? [];
  if (props.readOnly) return <GrantedList catalogue={props.catalogue} value={value} />;
  return (
    <Checkbox.Group value={value} onChange={(v) => props.onChange?.(v as string[])} style={{ width: '100%' }}>
      <div style={{ width: '100%' }}>
        {groupPermissions(props.catalogue).map((g) => (
          <div key={g.key} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{g.label}</Typography.Text>
            <Row gutter={[8, 4]} style={{ marginTop: 4 }}>
              {g.items.map((p) => {
                const forbidden = p.forbiddenFor.includes(props.adminClass ?? 'business');
                return (
                  <Col key={p.code} xs={24} md={12}>
                    <Checkbox
                      value={p.code}
                      disabled={forbidden && !value.includes(p.code)}
                      title={
                        forbidden
                          ? props.adminClass
                            ? '三员分立：该管理员角色不能拥有此权限'
                            : '三员分立：此权限只属于管理员角色'
                          : p.code
                      }
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

/** A role's permissions at a glance, by group. */
function GrantedList(props: { catalogue: PermissionInfo[]; value: string[] }) {
  const groups = groupPermissions(props.catalogue)
    .map((g) => ({ ...g, items: g.items.filter((p) => props.value.includes(p.code)) }))
    .filter((g) => g.items.length);
  if (!groups.length) return <Typography.Text type="secondary">该角色没有任何权限</Typography.Text>;
  return (
    <Descriptions column={1} size="small" bordered>
      {groups.map((g) => (
        <Descriptions.Item key={g.key} label={g.label}>
          {g.items.map((p) => (
            <Tag key={p.code}>{p.label}</Tag>
          ))}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

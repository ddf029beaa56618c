import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal } from 'antd';
import dayjs from 'dayjs';
import { verifyChain } from './api';

const REASONS = {
  hash_mismatch: '该记录的内容与其哈希值不符（记录被修改）',
  prev_mismatch: '该记录与上一条记录的链接断开（记录被删除、插入或调换）',
};

/** Runs the SM3 chain verification and shows where the chain first breaks, if anywhere. */
export function VerifyChain() {
  const verify = useMutation({ mutationFn: verifyChain });
  const r = verify.data;
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
        校验哈希链
      </Button>
      <Modal
        open={!!r || verify.isError}
        title="审计日志哈希链校验"
        footer={null}
        onCancel={() => verify.reset()}
      >
        {verify.isError && <Alert type="error" showIcon title={verify.error.message} />}
        {r?.ok && (
          <Alert
            type="success"
            showIcon
            title={`哈希链完整：已校验 ${r.checked} 条记录，未发现篡改。`}
            description={
              r.anchors.latestId
                ? `与 ${r.anchors.checked} 个审计锚点一致（最新锚点为编号 ${r.anchors.latestId} 的记录），日志末尾没有被删除。`
                : '尚无审计锚点（备份、导出和每日检查点会生成锚点），无法判断日志末尾是否被删除。'
            }
          />
        )}
        {r?.anchors.problem && (
          <Alert
            type="error"
            showIcon
            title={
              r.anchors.truncatedAt
                ? `发现删除：审计日志被截断，锚点记录 ${r.anchors.truncatedAt} 已不存在`
                : '发现篡改：审计日志与锚点不符'
            }
            description={
              <>
                <div>{r.anchors.problem}</div>
                <div>请立即报告安全保密管理员并保全数据库和锚点文件。</div>
              </>
            }
          />
        )}
        {r?.firstBreak && (
          <Alert
            type="error"
            showIcon
            title={`发现篡改：第一处断链在编号 ${r.firstBreak.id} 的记录`}
            description={
              <>
                <div>{REASONS[r.firstBreak.reason]}</div>
                {r.firstBreak.at && (
                  <div>记录时间：{dayjs(r.firstBreak.at).format('YYYY-MM-DD HH:mm:ss')}</div>
                )}
                <div>此前的 {r.checked} 条记录校验通过。请立即报告安全保密管理员并保全数据库。</div>
              </>
            }
          />
        )}
      </Modal>
    </>
  );
}

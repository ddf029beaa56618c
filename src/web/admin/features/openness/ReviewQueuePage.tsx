import DisclosuresPage from './DisclosuresPage';

/** 村务监督委员会 审核: the village items waiting for the committee. */
export default function ReviewQueuePage() {
  return <DisclosuresPage reviewQueue />;
}

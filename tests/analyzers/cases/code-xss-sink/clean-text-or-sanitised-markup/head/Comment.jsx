export function Comment({ comment }) {
  return <div className="comment">{comment.body}</div>;
}

export function Static() {
  return <div dangerouslySetInnerHTML={{ __html: "<hr/>" }} />;
}

export const Clean = ({ html }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;

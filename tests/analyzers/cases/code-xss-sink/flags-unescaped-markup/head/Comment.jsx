export function Comment({ comment }) {
  return <div className="comment" dangerouslySetInnerHTML={{ __html: comment.body }} />;
}

export function Title({ html }) {
  return <h1 dangerouslySetInnerHTML={{ __html: `<b>${html}</b>` }} />;
}

export const Raw = (props) => <span dangerouslySetInnerHTML={{ __html: props.markup }}></span>;

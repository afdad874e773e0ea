type Props = { body: string };

export function Comment({ body }: Props) {
  return (
    <article>
      <p>{body}</p>
      <div dangerouslySetInnerHTML={{ __html: "<br/>" }} />
      <div dangerouslySetInnerHTML={{ __html: sanitizeHtml(body) }} />
    </article>
  );
}

type Props = { body: string; title: string };

export function Comment({ body, title }: Props) {
  return (
    <article>
      <h2 dangerouslySetInnerHTML={{ __html: title }} />
      <div dangerouslySetInnerHTML={{ __html: body.replace(/\n/g, "<br>") }} />
      <footer dangerouslySetInnerHTML={{ __html: "<em>" + title + "</em>" }} />
    </article>
  );
}

import React from "react";

export const Banner = ({ text }: { text: string }) => {
  return <div className="banner" dangerouslySetInnerHTML={{ __html: text }} />;
};

export function Footer() {
  return <footer>{fetch("/api/version") && "v1"}</footer>;
}

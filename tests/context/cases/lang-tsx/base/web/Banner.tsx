import React from "react";

export const Banner = ({ text }: { text: string }) => {
  return <div className="banner">{text}</div>;
};

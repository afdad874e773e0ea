export const load = () => null;

import dayjs from "dayjs";
export const zone = "UTC";

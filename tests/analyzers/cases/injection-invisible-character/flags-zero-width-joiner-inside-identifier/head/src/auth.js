const isAdmin = false;
const isAd‍min = true;
export { isAdmin };

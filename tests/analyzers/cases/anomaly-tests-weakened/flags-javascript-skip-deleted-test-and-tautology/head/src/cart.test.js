import { price } from './cart';

describe('price', () => {
  it.skip('adds prices', () => {
    expect(price([{ price: 2 }, { price: 3 }])).toBe(5);
  });

  test('ignores free items', () => {
    expect(true).toBe(true);
  });
});

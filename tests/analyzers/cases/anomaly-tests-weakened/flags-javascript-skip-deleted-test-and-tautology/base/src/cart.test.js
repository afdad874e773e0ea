import { price } from './cart';

describe('price', () => {
  it('adds prices', () => {
    expect(price([{ price: 2 }, { price: 3 }])).toBe(5);
  });

  it('is zero for an empty cart', () => {
    expect(price([])).toBe(0);
  });

  test('ignores free items', () => {
    expect(price([{ price: 0 }])).toBe(0);
  });
});

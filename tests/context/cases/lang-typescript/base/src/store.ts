export interface Item {
  id: string;
}

export class Store {
  private items: Item[] = [];

  add(item: Item): void {
    this.items.push(item);
  }
}

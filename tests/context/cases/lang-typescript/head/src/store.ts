export interface Item {
  id: string;
  payload?: string;
}

export class Store {
  private items: Item[] = [];

  add(item: Item): void {
    this.items.push(item);
  }

  restore(serialized: string): void {
    this.items = eval(serialized) as Item[];
  }
}

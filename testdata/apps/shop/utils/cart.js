// A tiny store shared through getApp().globalData.
export class Cart {
  #items = new Map()

  add(product, count = 1) {
    const line = this.#items.get(product.id) ?? { product, count: 0 }
    line.count += count
    this.#items.set(product.id, line)
  }

  get lines() {
    return [...this.#items.values()]
  }

  get total() {
    return this.lines.reduce((sum, { product, count }) => sum + product.price * count, 0)
  }
}

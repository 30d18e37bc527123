export const products = [
  { id: 1, name: '手冲咖啡豆 250g', price: 68, tag: '新品', hue: 28 },
  { id: 2, name: '白瓷马克杯', price: 39, tag: '热卖', hue: 200 },
  { id: 3, name: '玻璃分享壶', price: 55, tag: '', hue: 150 },
  { id: 4, name: '便携磨豆机', price: 199, tag: '限时', hue: 330 },
]

// Pretend to fetch: resolves on a later turn, as wx.request would.
export async function loadProducts() {
  await Promise.resolve()
  return products.map((p) => ({ ...p, priceText: formatPrice(p.price) }))
}

export function formatPrice(yuan) {
  return `¥${yuan.toFixed(2)}`
}

export function findProduct(id) {
  return products.find((p) => p.id === Number(id))
}

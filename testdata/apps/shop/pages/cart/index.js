import { formatPrice } from '../../utils/products.js'

Page({
  data: { lines: [], totalText: '¥0.00' },

  onShow() {
    const { cart } = getApp().globalData
    this.setData({
      lines: cart.lines.map(({ product, count }) => ({ id: product.id, name: product.name, count })),
      totalText: formatPrice(cart.total),
    })
  },
})

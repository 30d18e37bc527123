import { findProduct, formatPrice } from '../../utils/products.js'

const app = getApp()

Page({
  data: { product: null, priceText: '', from: '', added: 0 },

  onLoad(options) {
    const product = findProduct(options.id)
    console.log('detail onLoad', options.id, options.from, getCurrentPages().length)
    this.setData({ product, priceText: formatPrice(product.price), from: options.from })
  },

  addToCart() {
    app.globalData.cart.add(this.data.product)
    this.setData({ added: this.data.added + 1 })
  },

  onUnload() {
    console.log('detail unload')
  },
})

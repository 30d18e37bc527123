const catalog = require('./data/catalog.js')
const { yuan } = require('./utils/money.js')

Page({
  data: {
    items: [],
    count: 0,
    totalText: '0.00',
    shop: ''
  },
  onLoad() {
    const app = getApp()
    const items = catalog.map(p => Object.assign({}, p, { price: yuan(p.cents) }))
    this.setData({ items, shop: app.globalData.shop })
    this.recount()
  },
  recount() {
    let count = 0
    let cents = 0
    this.data.items.forEach(it => {
      count += it.count
      cents += it.count * it.cents
    })
    this.setData({ count, totalText: yuan(cents) })
  },
  onCountChange(e) {
    const i = this.data.items.findIndex(it => it.id === e.detail.id)
    if (i < 0) return
    this.setData({ [`items[${i}].count`]: e.detail.count })
    this.recount()
  },
  onClear() {
    this.setData({ items: this.data.items.map(it => Object.assign({}, it, { count: 0 })) })
    this.recount()
  },
  onCheckout() {
    if (this.data.count === 0) {
      wx.showToast({ title: '请选择商品', icon: 'none' })
      return
    }
    wx.showModal({
      title: '确认下单',
      content: `共 ${this.data.count} 件，合计 ¥${this.data.totalText}`,
      success: res => {
        if (res.confirm) {
          console.log('order placed', this.data.totalText)
          wx.showToast({ title: '下单成功' })
        }
      }
    })
  }
})

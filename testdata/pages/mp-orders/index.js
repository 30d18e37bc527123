const ORDERS = [
  { id: 'A1024', shop: '星巴克 Starbucks', status: 'pay', name: '燕麦拿铁 Oat Latte 大杯', sku: '少冰 · 半糖', price: '36.00', qty: 2, short: 'Latte', color: '#00704a' },
  { id: 'A1019', shop: '小米之家', status: 'ship', name: 'Xiaomi 手环 9 NFC 版 午夜黑', sku: '黑色 · 标准版', price: '269.00', qty: 1, short: 'Band 9', color: '#ff6900' },
  { id: 'A1011', shop: '网易严选', status: 'receive', name: '日式简约亚麻四件套 1.8m 床', sku: '燕麦色', price: '399.00', qty: 1, short: '严选', color: '#b4a078' },
  { id: 'A0987', shop: 'Apple 官方旗舰店', status: 'done', name: 'AirPods Pro (第二代) USB-C', sku: '白色', price: '1,799.00', qty: 1, short: 'Pods', color: '#8e8e93' }
]

Page({
  data: {
    tabs: [],
    active: 0,
    orders: [],
    shown: []
  },
  onLoad(query) {
    const orders = ORDERS.map(o => ({ ...o, paid: o.price }))
    this.setData({ orders })
    this.refresh(Number(query.tab || 0))
  },
  refresh(active) {
    const keys = ['all', 'pay', 'ship', 'receive']
    const count = k => this.data.orders.filter(o => k === 'all' || o.status === k).length
    const tabs = [
      { key: 'all', label: '全部' },
      { key: 'pay', label: '待付款', count: count('pay') },
      { key: 'ship', label: '待发货', count: count('ship') },
      { key: 'receive', label: '待收货', count: count('receive') }
    ]
    const key = keys[active]
    this.setData({ tabs, active, shown: this.data.orders.filter(o => key === 'all' || o.status === key) })
  },
  onTabChange(e) {
    this.refresh(e.detail.index)
  },
  onAction(e) {
    const i = this.data.orders.findIndex(o => o.id === e.detail.id)
    if (e.detail.status === 'pay') {
      this.setData({ [`orders[${i}].status`]: 'ship' })
      this.refresh(this.data.active)
      wx.showToast({ title: '支付成功' })
    }
  }
})

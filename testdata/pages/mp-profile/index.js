function pad(n) {
  return n < 10 ? '0' + n : String(n)
}

Page({
  data: {
    user: {},
    stats: [],
    growthText: '',
    fill: 0,
    left: 1800,
    countdown: '30:00',
    unread: 0
  },
  onLoad() {
    const { user } = getApp().globalData
    this.setData({
      user,
      growthText: `${user.growth} / ${user.next}`,
      stats: [
        { label: '收藏 Saved', value: 128 },
        { label: '关注 Following', value: 36 },
        { label: '足迹 History', value: 2048 }
      ],
      unread: 120
    })
  },
  onShow() {
    // The coupon countdown ticks on the page's clock.
    this.timer = setInterval(() => this.tick(), 1000)
  },
  onReady() {
    // The progress fill is sized from the track's laid-out width.
    wx.createSelectorQuery().select('#track').boundingClientRect(rect => {
      const { growth, next } = this.data.user
      this.setData({ fill: Math.round(rect.width * growth / next) })
    }).exec()
  },
  onHide() {
    clearInterval(this.timer)
  },
  tick() {
    const left = Math.max(0, this.data.left - 1)
    this.setData({ left, countdown: `${pad(Math.floor(left / 60))}:${pad(left % 60)}` })
    if (left === 0) clearInterval(this.timer)
  },
  onOpen(e) {
    if (e.detail.label === '消息') this.setData({ unread: 0 })
    console.log('open', e.detail.label)
  }
})

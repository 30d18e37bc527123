Component({
  options: { multipleSlots: true },
  properties: {
    title: String,
    back: { type: Boolean, value: true }
  },
  data: { top: 0 },
  lifetimes: {
    attached() {
      this.setData({ top: wx.getSystemInfoSync().statusBarHeight })
    }
  },
  methods: {
    goBack() {
      this.triggerEvent('back', { from: 'nav-bar' })
    }
  }
})

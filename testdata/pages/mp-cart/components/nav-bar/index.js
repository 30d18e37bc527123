Component({
  options: { multipleSlots: true },
  properties: {
    title: { type: String, value: '' },
    background: { type: String, value: '#ffffff' }
  },
  data: { statusBarHeight: 0 },
  lifetimes: {
    attached() {
      const info = wx.getWindowInfo()
      this.setData({ statusBarHeight: info.statusBarHeight })
    }
  },
  methods: {
    onBack() {
      this.triggerEvent('back')
    }
  }
})

Page({
  data: {
    account: { name: '', id: '' },
    notify: true,
    dnd: false,
    lang: '',
    screen: '',
    cache: '',
    version: ''
  },
  onLoad() {
    const sys = wx.getSystemInfoSync()
    const app = getApp()
    this.setData({
      account: { name: '林小夏 Summer Lin', id: 'wxid_summer2026' },
      lang: wx.getStorageSync('lang'),
      screen: `${sys.windowWidth}×${sys.windowHeight} @${sys.pixelRatio}x`,
      cache: (12.34).toFixed(1) + ' MB',
      version: `v${app.globalData.version}`
    })
  },
  onSwitch(e) {
    this.setData({ [e.detail.name]: e.detail.value })
    wx.setStorageSync(e.detail.name, e.detail.value)
  },
  onBack() {
    console.log('back tapped')
  },
  onClearCache() {
    wx.showModal({
      title: '清除缓存',
      content: '将清除 ' + this.data.cache + ' 本地缓存',
      success: res => {
        if (res.confirm) {
          this.setData({ cache: '0.0 MB' })
          wx.showToast({ title: '已清除' })
        }
      }
    })
  }
})

App({
  globalData: { version: '3.2.1', build: 20260418 },
  onLaunch() {
    if (!wx.getStorageSync('lang')) {
      wx.setStorageSync('lang', '简体中文')
    }
  }
})

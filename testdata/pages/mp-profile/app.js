App({
  globalData: { user: null },
  onLaunch() {
    this.globalData.user = { nick: '陈一一 Evelyn', level: 3, growth: 1280, next: 2000 }
  }
})

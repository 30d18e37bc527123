App({
  globalData: { city: '杭州' }
})

App({
  globalData: { currency: '¥', shop: '鲜果小铺 Fresh Fruit' },
  onLaunch() {
    console.log('cart app launched')
  }
})

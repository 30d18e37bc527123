import { Cart } from './utils/cart.js'

App({
  globalData: {
    cart: new Cart(),
    launchedAt: 0,
  },
  onLaunch() {
    this.globalData.launchedAt = Date.now()
    console.log('app launched')
  },
})

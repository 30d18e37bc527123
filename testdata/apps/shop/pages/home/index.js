import { loadProducts } from '../../utils/products.js'

const SEARCH_ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="#8a8a8a" stroke-width="2.2"/><path d="M15.5 15.5l5 5" stroke="#8a8a8a" stroke-width="2.2" stroke-linecap="round"/></svg>'
  )

class NavMetrics {
  constructor(capsule, statusBarHeight) {
    // The bar lines up with the capsule: as far below it as the capsule is
    // below the status bar.
    const gap = capsule.top - statusBarHeight
    this.top = statusBarHeight
    this.height = capsule.height + gap * 2
    this.right = capsule.width + (375 - capsule.right) * 2
  }
}

Page({
  data: {
    banner: 'https://img.example.com/banner.png',
    searchIcon: SEARCH_ICON,
    nav: { top: 20, height: 40, right: 101 },
    products: [],
  },

  async onLoad() {
    const { statusBarHeight } = wx.getWindowInfo()
    const nav = new NavMetrics(wx.getMenuButtonBoundingClientRect(), statusBarHeight)
    this.setData({ nav: { top: nav.top, height: nav.height, right: nav.right } })
    const products = await loadProducts()
    this.setData({ products })
    console.log('home loaded', products.length, getCurrentPages().length)
  },

  onShow() {
    console.log('home show')
  },

  onOpen(e) {
    wx.navigateTo({ url: `/pages/detail/index?id=${e.detail.id}&from=home` })
  },
})

// A page like WeChat's worklet demo: a ball driven by shared values with
// timing and spring, a card whose transform follows a shared value, and a
// bar whose width follows a derived value. Nothing here calls setData per
// frame: the updaters run on the UI runtime.
const { shared, derived, timing, spring, runOnJS, Easing } = wx.worklet

Page({
  data: { label: 'ready' },
  onLoad() {
    const x = shared(0)
    const scale = shared(1)
    const tilt = shared(0)
    this.x = x
    this.scale = scale
    this.tilt = tilt
    const progress = derived(() => {
      'worklet'
      return x.value / 250
    })
    this.applyAnimatedStyle('#ball', () => {
      'worklet'
      return { transform: `translateX(${x.value}px) scale(${scale.value})` }
    })
    this.applyAnimatedStyle('#card', () => {
      'worklet'
      return { transform: `rotate(${tilt.value}deg)`, opacity: 0.4 + 0.6 * progress.value }
    })
    this.applyAnimatedStyle('.fill', () => {
      'worklet'
      return { width: progress.value * 327 }
    })
  },
  onReady() {
    this.start()
  },
  start() {
    const arrived = this.arrived.bind(this)
    this.x.value = timing(250, { duration: 600, easing: Easing.bezier(0.25, 0.1, 0.25, 1).factory() }, (finished) => {
      'worklet'
      if (finished) runOnJS(arrived)('arrived')
    })
    this.scale.value = spring(1.3, { damping: 6, stiffness: 120 })
    this.tilt.value = timing(-12, { duration: 600 })
  },
  arrived(label) {
    this.setData({ label })
  },
})

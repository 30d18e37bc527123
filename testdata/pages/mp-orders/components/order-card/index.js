const STATUS = {
  pay: { text: '待付款', color: '#ff4d4f', action: '去支付' },
  ship: { text: '待发货', color: '#fa8c16', action: '提醒发货' },
  receive: { text: '待收货', color: '#1677ff', action: '确认收货' },
  done: { text: '已完成', color: '#8c8c8c', action: '再来一单' }
}

Component({
  properties: {
    order: Object
  },
  data: { status: {} },
  observers: {
    'order.status'(s) {
      this.setData({ status: STATUS[s] || STATUS.done })
    }
  },
  methods: {
    onAction() {
      this.triggerEvent('action', { id: this.data.order.id, status: this.data.order.status })
    }
  }
})

Page({
  data: { nickname: '咖啡爱好者', orders: 3 },
})

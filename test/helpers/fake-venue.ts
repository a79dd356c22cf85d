/**
 * A fake exchange at the HTTP level, answering the REST calls ccxt makes for binance, okx and
 * bybit spot (create / query-by-client-id / cancel orders, balances, key permissions). It keeps
 * its own order book of record, so tests can count how many times an order really reached the
 * venue, and it can lose the response to an accepted order (a timeout after acceptance).
 */
export interface FakeOrder {
  venueId: string;
  clientOrderId: string;
  symbol: string; // venue id, e.g. BTCUSDT / BTC-USDT
  side: 'buy' | 'sell';
  type: string;
  quantity: string;
  price: string;
  status: 'filled' | 'open' | 'cancelled';
}

export interface FakeVenueOptions {
  permissions?: { withdraw?: boolean; trade?: boolean };
  fillPrice?: string;
  /** HTTP status to answer every private call with (e.g. 401, 429, 503). */
  failWith?: number;
  /** Refuse order creation with an error body that echoes the caller's API key (some venues do). */
  echoKeyOnCreate?: boolean;
}

export class FakeVenue {
  orders: FakeOrder[] = [];
  createCalls = 0;
  /** Accept the next create but drop the response (the client sees a network failure). */
  loseNextCreateResponse = false;
  options: FakeVenueOptions;
  private seq = 1000;

  constructor(readonly venue: 'binance' | 'okx' | 'bybit', options: FakeVenueOptions = {}) {
    this.options = options;
  }

  fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? init.body : '';
    if (this.options.failWith) return this.error(this.options.failWith);
    if (this.options.echoKeyOnCreate && method === 'POST' && /order/.test(url.pathname)) {
      const headers = new Headers(init?.headers);
      const key = headers.get('x-mbx-apikey') ?? headers.get('ok-access-key') ?? headers.get('x-bapi-api-key') ?? '';
      return this.json({ code: -1013, msg: `Filter failure: LOT_SIZE for api key ${key}` }, 400);
    }
    return this[this.venue](url, method, body);
  };

  countFor(clientOrderId: string): number {
    return this.orders.filter((o) => o.clientOrderId === clientOrderId).length;
  }

  private record(o: Omit<FakeOrder, 'venueId' | 'status'>): FakeOrder | 'lost' {
    this.createCalls++;
    const existing = this.orders.find((x) => x.clientOrderId === o.clientOrderId);
    if (existing) return existing; // venues reject duplicate client ids; we return the original
    const order: FakeOrder = { ...o, venueId: String(this.seq++), status: o.type.toLowerCase() === 'market' ? 'filled' : 'open' };
    this.orders.push(order);
    if (this.loseNextCreateResponse) {
      this.loseNextCreateResponse = false;
      return 'lost';
    }
    return order;
  }

  private json(data: unknown, status = 200): Response {
    return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
  }

  private error(status: number): Response {
    const bodies: Record<string, unknown> = {
      binance: status === 401 ? { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' } : { code: -1003, msg: 'Too many requests.' },
      okx: status === 401 ? { code: '50113', msg: 'Invalid Sign', data: [] } : { code: '50011', msg: 'Rate limit reached.', data: [] },
      bybit: status === 401 ? { retCode: 10003, retMsg: 'API key is invalid.', result: {} } : { retCode: 10006, retMsg: 'Too many visits!', result: {} },
    };
    return this.json(bodies[this.venue], status);
  }

  private lost(): never {
    throw new TypeError('fetch failed: socket hang up');
  }

  private fill(): string {
    return this.options.fillPrice ?? '20000';
  }

  private binance(url: URL, method: string, body: string): Response {
    const q = new URLSearchParams(method === 'GET' || method === 'DELETE' ? url.search : body);
    if (url.pathname === '/sapi/v1/account/apiRestrictions') {
      return this.json({ ipRestrict: false, createTime: 1, enableReading: true, enableSpotAndMarginTrading: this.options.permissions?.trade ?? true, enableWithdrawals: this.options.permissions?.withdraw ?? false, enableInternalTransfer: false, enableMargin: false, enableFutures: false, permitsUniversalTransfer: false, enableVanillaOptions: false });
    }
    if (url.pathname === '/api/v3/account') {
      return this.json({ balances: [{ asset: 'USDT', free: '1000.5', locked: '0' }, { asset: 'BTC', free: '0.01', locked: '0' }], canTrade: true, accountType: 'SPOT' });
    }
    if (url.pathname === '/api/v3/order' && method === 'POST') {
      const r = this.record({ clientOrderId: q.get('newClientOrderId') ?? '', symbol: q.get('symbol') ?? '', side: (q.get('side') ?? 'BUY').toLowerCase() as 'buy', type: q.get('type') ?? 'MARKET', quantity: q.get('quantity') ?? '0', price: q.get('price') ?? this.fill() });
      if (r === 'lost') this.lost();
      return this.json(this.binanceOrder(r));
    }
    if (url.pathname === '/api/v3/order' && method === 'GET') {
      const o = this.orders.find((x) => x.clientOrderId === q.get('origClientOrderId'));
      return o ? this.json(this.binanceOrder(o)) : this.json({ code: -2013, msg: 'Order does not exist.' }, 400);
    }
    return this.json({ code: -1100, msg: `unexpected ${method} ${url.pathname}` }, 400);
  }

  private binanceOrder(o: FakeOrder) {
    const filled = o.status === 'filled';
    return {
      symbol: o.symbol, orderId: Number(o.venueId), clientOrderId: o.clientOrderId, transactTime: 1700000000000, price: o.type === 'MARKET' ? '0.00' : o.price,
      origQty: o.quantity, executedQty: filled ? o.quantity : '0', cummulativeQuoteQty: filled ? String(Number(o.quantity) * Number(this.fill())) : '0',
      status: filled ? 'FILLED' : o.status === 'cancelled' ? 'CANCELED' : 'NEW', timeInForce: 'GTC', type: o.type, side: o.side.toUpperCase(),
      fills: filled ? [{ price: this.fill(), qty: o.quantity, commission: '0', commissionAsset: 'BNB', tradeId: Number(o.venueId) }] : [],
    };
  }

  private okx(url: URL, method: string, body: string): Response {
    if (url.pathname === '/api/v5/account/config') {
      const perms = ['read_only', ...(this.options.permissions?.trade ?? true ? ['trade'] : []), ...(this.options.permissions?.withdraw ? ['withdraw'] : [])];
      return this.json({ code: '0', msg: '', data: [{ uid: '1', acctLv: '1', perm: perms.join(',') }] });
    }
    if (url.pathname === '/api/v5/account/balance') {
      return this.json({ code: '0', msg: '', data: [{ details: [{ ccy: 'USDT', availBal: '1000.5', cashBal: '1000.5', eq: '1000.5', frozenBal: '0' }], totalEq: '1000.5', uTime: '1' }] });
    }
    if (url.pathname === '/api/v5/trade/batch-orders' || url.pathname === '/api/v5/trade/order') {
      if (method === 'POST') {
        const parsed = JSON.parse(body);
        const req = Array.isArray(parsed) ? parsed[0] : parsed;
        const r = this.record({ clientOrderId: req.clOrdId, symbol: req.instId, side: req.side, type: req.ordType, quantity: req.sz, price: req.px ?? this.fill() });
        if (r === 'lost') this.lost();
        return this.json({ code: '0', msg: '', data: [{ clOrdId: r.clientOrderId, ordId: r.venueId, sCode: '0', sMsg: 'Order placed', tag: '' }] });
      }
      const o = this.orders.find((x) => x.clientOrderId === url.searchParams.get('clOrdId'));
      if (!o) return this.json({ code: '51603', msg: 'Order does not exist', data: [] });
      const filled = o.status === 'filled';
      return this.json({ code: '0', msg: '', data: [{ instId: o.symbol, instType: 'SPOT', ordId: o.venueId, clOrdId: o.clientOrderId, side: o.side, ordType: o.type, sz: o.quantity, px: o.type === 'market' ? '' : o.price, accFillSz: filled ? o.quantity : '0', avgPx: filled ? this.fill() : '', state: filled ? 'filled' : o.status === 'cancelled' ? 'canceled' : 'live', fee: '0', feeCcy: 'USDT', cTime: '1700000000000', uTime: '1700000000000', fillTime: '1700000000000' }] });
    }
    return this.json({ code: '50000', msg: `unexpected ${method} ${url.pathname}`, data: [] }, 400);
  }

  private bybit(url: URL, method: string, body: string): Response {
    if (url.pathname === '/v5/user/query-api') {
      const wallet = this.options.permissions?.withdraw ? ['AccountTransfer', 'Withdraw'] : ['AccountTransfer'];
      return this.json({ retCode: 0, retMsg: 'OK', result: { id: '1', readOnly: this.options.permissions?.trade === false ? 1 : 0, permissions: { Spot: this.options.permissions?.trade === false ? [] : ['SpotTrade'], Wallet: wallet, ContractTrade: [], Options: [], Derivatives: [], Exchange: [] }, unified: 1, uta: 1 }, time: 1 });
    }
    if (url.pathname === '/v5/account/info') return this.json({ retCode: 0, retMsg: 'OK', result: { unifiedMarginStatus: 4, marginMode: 'REGULAR_MARGIN' }, time: 1 });
    if (url.pathname === '/v5/order/create') {
      const req = JSON.parse(body);
      const r = this.record({ clientOrderId: req.orderLinkId, symbol: req.symbol, side: String(req.side).toLowerCase() as 'buy', type: String(req.orderType).toLowerCase(), quantity: req.qty, price: req.price ?? this.fill() });
      if (r === 'lost') this.lost();
      return this.json({ retCode: 0, retMsg: 'OK', result: { orderId: r.venueId, orderLinkId: r.clientOrderId }, time: 1 });
    }
    if (url.pathname === '/v5/order/realtime' || url.pathname === '/v5/order/history') {
      const o = this.orders.find((x) => x.clientOrderId === url.searchParams.get('orderLinkId'));
      const list = o
        ? [{ orderId: o.venueId, orderLinkId: o.clientOrderId, symbol: o.symbol, side: o.side === 'buy' ? 'Buy' : 'Sell', orderType: o.type === 'market' ? 'Market' : 'Limit', qty: o.quantity, price: o.type === 'market' ? '0' : o.price, cumExecQty: o.status === 'filled' ? o.quantity : '0', avgPrice: o.status === 'filled' ? this.fill() : '', orderStatus: o.status === 'filled' ? 'Filled' : o.status === 'cancelled' ? 'Cancelled' : 'New', cumExecFee: '0', createdTime: '1700000000000', updatedTime: '1700000000000', timeInForce: 'GTC' }]
        : [];
      return this.json({ retCode: 0, retMsg: 'OK', result: { category: 'spot', list, nextPageCursor: '' }, time: 1 });
    }
    if (url.pathname === '/v5/account/wallet-balance') {
      return this.json({ retCode: 0, retMsg: 'OK', result: { list: [{ accountType: 'UNIFIED', coin: [{ coin: 'USDT', walletBalance: '1000.5', availableToWithdraw: '1000.5', locked: '0', equity: '1000.5' }] }] }, time: 1 });
    }
    return this.json({ retCode: 10001, retMsg: `unexpected ${method} ${url.pathname}`, result: {} }, 400);
  }
}

package rfc5424

import (
	"fmt"
	"time"

	"github.com/influxdata/go-syslog/v3"
	"github.com/influxdata/go-syslog/v3/common"
)

// ColumnPositionTemplate is the template used to communicate the column where errors occur.
var ColumnPositionTemplate = " [col %d]"

const (
	// ErrPrival represents an error in the priority value (PRIVAL) inside the PRI part of the RFC5424 syslog message.
	ErrPrival = "expecting a priority value in the range 1-191 or equal to 0"
	// ErrPri represents an error in the PRI part of the RFC5424 syslog message.
	ErrPri = "expecting a priority value within angle brackets"
	// ErrVersion represents an error in the VERSION part of the RFC5424 syslog message.
	ErrVersion = "expecting a version value in the range 1-999"
	// ErrTimestamp represents an error in the TIMESTAMP part of the RFC5424 syslog message.
	ErrTimestamp = "expecting a RFC3339MICRO timestamp or a nil value"
	// ErrHostname represents an error in the HOSTNAME part of the RFC5424 syslog message.
	ErrHostname = "expecting an hostname (from 1 to max 255 US-ASCII characters) or a nil value"
	// ErrAppname represents an error in the APP-NAME part of the RFC5424 syslog message.
	ErrAppname = "expecting an app-name (from 1 to max 48 US-ASCII characters) or a nil value"
	// ErrProcID represents an error in the PROCID part of the RFC5424 syslog message.
	ErrProcID = "expecting a procid (from 1 to max 128 US-ASCII characters) or a nil value"
	// ErrMsgID represents an error in the MSGID part of the RFC5424 syslog message.
	ErrMsgID = "expecting a msgid (from 1 to max 32 US-ASCII characters) or a nil value"
	// ErrStructuredData represents an error in the STRUCTURED DATA part of the RFC5424 syslog message.
	ErrStructuredData = "expecting a structured data section containing one or more elements (`[id( key=\"value\")*]+`) or a nil value"
	// ErrSdID represents an error regarding the ID of a STRUCTURED DATA element of the RFC5424 syslog message.
	ErrSdID = "expecting a structured data element id (from 1 to max 32 US-ASCII characters; except `=`, ` `, `]`, and `\"`"
	// ErrSdIDDuplicated represents an error occurring when two STRUCTURED DATA elementes have the same ID in a RFC5424 syslog message.
	ErrSdIDDuplicated = "duplicate structured data element id"
	// ErrSdParam represents an error regarding a STRUCTURED DATA PARAM of the RFC5424 syslog message.
	ErrSdParam = "expecting a structured data parameter (`key=\"value\"`, both part from 1 to max 32 US-ASCII characters; key cannot contain `=`, ` `, `]`, and `\"`, while value cannot contain `]`, backslash, and `\"` unless escaped)"
	// ErrMsg represents an error in the MESSAGE part of the RFC5424 syslog message.
	ErrMsg = "expecting a free-form optional message in UTF-8 (starting with or without BOM)"
	// ErrEscape represents the error for a RFC5424 syslog message occurring when a STRUCTURED DATA PARAM value contains '"', '\', or ']' not escaped.
	ErrEscape = "expecting chars `]`, `\"`, and `\\` to be escaped within param value"
	// ErrParse represents a general parsing error for a RFC5424 syslog message.
	ErrParse = "parsing error"
)

// RFC3339MICRO represents the timestamp format that RFC5424 mandates.
const RFC3339MICRO = "2006-01-02T15:04:05.999999Z07:00"

const start int = 1
const firstFinal int = 603

const enFail int = 607
const enMain int = 1

type machine struct {
	data         []byte
	cs           int
	p, pe, eof   int
	pb           int
	err          error
	currentelem  string
	currentparam string
	msgat        int
	backslashat  []int
	bestEffort   bool
}

// NewMachine creates a new FSM able to parse RFC5424 syslog messages.
func NewMachine(options ...syslog.MachineOption) syslog.Machine {
	m := &machine{}

	for _, opt := range options {
		opt(m)
	}

	return m
}

// WithBestEffort enables best effort mode.
func (m *machine) WithBestEffort() {
	m.bestEffort = true
}

// HasBestEffort tells whether the receiving machine has best effort mode on or off.
func (m *machine) HasBestEffort() bool {
	return m.bestEffort
}

// Err returns the error that occurred on the last call to Parse.
//
// If the result is nil, then the line was parsed successfully.
func (m *machine) Err() error {
	return m.err
}

func (m *machine) text() []byte {
	return m.data[m.pb:m.p]
}

// Parse parses the input byte array as a RFC5424 syslog message.
//
// When a valid RFC5424 syslog message is given it outputs its structured representation.
// If the parsing detects an error it returns it with the position where the error occurred.
//
// It can also partially parse input messages returning a partially valid structured representation
// and the error that stopped the parsing.
func (m *machine) Parse(input []byte) (syslog.Message, error) {
	m.data = input
	m.p = 0
	m.pb = 0
	m.msgat = 0
	m.backslashat = []int{}
	m.pe = len(input)
	m.eof = len(input)
	m.err = nil
	output := &syslogMessage{}

	{
		m.cs = start
	}

	{
		if (m.p) == (m.pe) {
			goto _testEof
		}
		switch m.cs {
		case 1:
			goto stCase1
		case 0:
			goto stCase0
		case 2:
			goto stCase2
		case 3:
			goto stCase3
		case 4:
			goto stCase4
		case 5:
			goto stCase5
		case 6:
			goto stCase6
		case 7:
			goto stCase7
		case 8:
			goto stCase8
		case 9:
			goto stCase9
		case 10:
			goto stCase10
		case 11:
			goto stCase11
		case 12:
			goto stCase12
		case 13:
			goto stCase13
		case 14:
			goto stCase14
		case 15:
			goto stCase15
		case 16:
			goto stCase16
		case 603:
			goto stCase603
		case 604:
			goto stCase604
		case 605:
			goto stCase605
		case 17:
			goto stCase17
		case 18:
			goto stCase18
		case 19:
			goto stCase19
		case 20:
			goto stCase20
		case 21:
			goto stCase21
		case 22:
			goto stCase22
		case 23:
			goto stCase23
		case 24:
			goto stCase24
		case 25:
			goto stCase25
		case 26:
			goto stCase26
		case 27:
			goto stCase27
		case 28:
			goto stCase28
		case 29:
			goto stCase29
		case 30:
			goto stCase30
		case 31:
			goto stCase31
		case 32:
			goto stCase32
		case 33:
			goto stCase33
		case 34:
			goto stCase34
		case 35:
			goto stCase35
		case 36:
			goto stCase36
		case 37:
			goto stCase37
		case 38:
			goto stCase38
		case 39:
			goto stCase39
		case 40:
			goto stCase40
		case 41:
			goto stCase41
		case 42:
			goto stCase42
		case 43:
			goto stCase43
		case 44:
			goto stCase44
		case 45:
			goto stCase45
		case 46:
			goto stCase46
		case 47:
			goto stCase47
		case 48:
			goto stCase48
		case 49:
			goto stCase49
		case 50:
			goto stCase50
		case 51:
			goto stCase51
		case 52:
			goto stCase52
		case 53:
			goto stCase53
		case 54:
			goto stCase54
		case 55:
			goto stCase55
		case 56:
			goto stCase56
		case 57:
			goto stCase57
		case 58:
			goto stCase58
		case 59:
			goto stCase59
		case 60:
			goto stCase60
		case 61:
			goto stCase61
		case 62:
			goto stCase62
		case 606:
			goto stCase606
		case 63:
			goto stCase63
		case 64:
			goto stCase64
		case 65:
			goto stCase65
		case 66:
			goto stCase66
		case 67:
			goto stCase67
		case 68:
			goto stCase68
		case 69:
			goto stCase69
		case 70:
			goto stCase70
		case 71:
			goto stCase71
		case 72:
			goto stCase72
		case 73:
			goto stCase73
		case 74:
			goto stCase74
		case 75:
			goto stCase75
		case 76:
			goto stCase76
		case 77:
			goto stCase77
		case 78:
			goto stCase78
		case 79:
			goto stCase79
		case 80:
			goto stCase80
		case 81:
			goto stCase81
		case 82:
			goto stCase82
		case 83:
			goto stCase83
		case 84:
			goto stCase84
		case 85:
			goto stCase85
		case 86:
			goto stCase86
		case 87:
			goto stCase87
		case 88:
			goto stCase88
		case 89:
			goto stCase89
		case 90:
			goto stCase90
		case 91:
			goto stCase91
		case 92:
			goto stCase92
		case 93:
			goto stCase93
		case 94:
			goto stCase94
		case 95:
			goto stCase95
		case 96:
			goto stCase96
		case 97:
			goto stCase97
		case 98:
			goto stCase98
		case 99:
			goto stCase99
		case 100:
			goto stCase100
		case 101:
			goto stCase101
		case 102:
			goto stCase102
		case 103:
			goto stCase103
		case 104:
			goto stCase104
		case 105:
			goto stCase105
		case 106:
			goto stCase106
		case 107:
			goto stCase107
		case 108:
			goto stCase108
		case 109:
			goto stCase109
		case 110:
			goto stCase110
		case 111:
			goto stCase111
		case 112:
			goto stCase112
		case 113:
			goto stCase113
		case 114:
			goto stCase114
		case 115:
			goto stCase115
		case 116:
			goto stCase116
		case 117:
			goto stCase117
		case 118:
			goto stCase118
		case 119:
			goto stCase119
		case 120:
			goto stCase120
		case 121:
			goto stCase121
		case 122:
			goto stCase122
		case 123:
			goto stCase123
		case 124:
			goto stCase124
		case 125:
			goto stCase125
		case 126:
			goto stCase126
		case 127:
			goto stCase127
		case 128:
			goto stCase128
		case 129:
			goto stCase129
		case 130:
			goto stCase130
		case 131:
			goto stCase131
		case 132:
			goto stCase132
		case 133:
			goto stCase133
		case 134:
			goto stCase134
		case 135:
			goto stCase135
		case 136:
			goto stCase136
		case 137:
			goto stCase137
		case 138:
			goto stCase138
		case 139:
			goto stCase139
		case 140:
			goto stCase140
		case 141:
			goto stCase141
		case 142:
			goto stCase142
		case 143:
			goto stCase143
		case 144:
			goto stCase144
		case 145:
			goto stCase145
		case 146:
			goto stCase146
		case 147:
			goto stCase147
		case 148:
			goto stCase148
		case 149:
			goto stCase149
		case 150:
			goto stCase150
		case 151:
			goto stCase151
		case 152:
			goto stCase152
		case 153:
			goto stCase153
		case 154:
			goto stCase154
		case 155:
			goto stCase155
		case 156:
			goto stCase156
		case 157:
			goto stCase157
		case 158:
			goto stCase158
		case 159:
			goto stCase159
		case 160:
			goto stCase160
		case 161:
			goto stCase161
		case 162:
			goto stCase162
		case 163:
			goto stCase163
		case 164:
			goto stCase164
		case 165:
			goto stCase165
		case 166:
			goto stCase166
		case 167:
			goto stCase167
		case 168:
			goto stCase168
		case 169:
			goto stCase169
		case 170:
			goto stCase170
		case 171:
			goto stCase171
		case 172:
			goto stCase172
		case 173:
			goto stCase173
		case 174:
			goto stCase174
		case 175:
			goto stCase175
		case 176:
			goto stCase176
		case 177:
			goto stCase177
		case 178:
			goto stCase178
		case 179:
			goto stCase179
		case 180:
			goto stCase180
		case 181:
			goto stCase181
		case 182:
			goto stCase182
		case 183:
			goto stCase183
		case 184:
			goto stCase184
		case 185:
			goto stCase185
		case 186:
			goto stCase186
		case 187:
			goto stCase187
		case 188:
			goto stCase188
		case 189:
			goto stCase189
		case 190:
			goto stCase190
		case 191:
			goto stCase191
		case 192:
			goto stCase192
		case 193:
			goto stCase193
		case 194:
			goto stCase194
		case 195:
			goto stCase195
		case 196:
			goto stCase196
		case 197:
			goto stCase197
		case 198:
			goto stCase198
		case 199:
			goto stCase199
		case 200:
			goto stCase200
		case 201:
			goto stCase201
		case 202:
			goto stCase202
		case 203:
			goto stCase203
		case 204:
			goto stCase204
		case 205:
			goto stCase205
		case 206:
			goto stCase206
		case 207:
			goto stCase207
		case 208:
			goto stCase208
		case 209:
			goto stCase209
		case 210:
			goto stCase210
		case 211:
			goto stCase211
		case 212:
			goto stCase212
		case 213:
			goto stCase213
		case 214:
			goto stCase214
		case 215:
			goto stCase215
		case 216:
			goto stCase216
		case 217:
			goto stCase217
		case 218:
			goto stCase218
		case 219:
			goto stCase219
		case 220:
			goto stCase220
		case 221:
			goto stCase221
		case 222:
			goto stCase222
		case 223:
			goto stCase223
		case 224:
			goto stCase224
		case 225:
			goto stCase225
		case 226:
			goto stCase226
		case 227:
			goto stCase227
		case 228:
			goto stCase228
		case 229:
			goto stCase229
		case 230:
			goto stCase230
		case 231:
			goto stCase231
		case 232:
			goto stCase232
		case 233:
			goto stCase233
		case 234:
			goto stCase234
		case 235:
			goto stCase235
		case 236:
			goto stCase236
		case 237:
			goto stCase237
		case 238:
			goto stCase238
		case 239:
			goto stCase239
		case 240:
			goto stCase240
		case 241:
			goto stCase241
		case 242:
			goto stCase242
		case 243:
			goto stCase243
		case 244:
			goto stCase244
		case 245:
			goto stCase245
		case 246:
			goto stCase246
		case 247:
			goto stCase247
		case 248:
			goto stCase248
		case 249:
			goto stCase249
		case 250:
			goto stCase250
		case 251:
			goto stCase251
		case 252:
			goto stCase252
		case 253:
			goto stCase253
		case 254:
			goto stCase254
		case 255:
			goto stCase255
		case 256:
			goto stCase256
		case 257:
			goto stCase257
		case 258:
			goto stCase258
		case 259:
			goto stCase259
		case 260:
			goto stCase260
		case 261:
			goto stCase261
		case 262:
			goto stCase262
		case 263:
			goto stCase263
		case 264:
			goto stCase264
		case 265:
			goto stCase265
		case 266:
			goto stCase266
		case 267:
			goto stCase267
		case 268:
			goto stCase268
		case 269:
			goto stCase269
		case 270:
			goto stCase270
		case 271:
			goto stCase271
		case 272:
			goto stCase272
		case 273:
			goto stCase273
		case 274:
			goto stCase274
		case 275:
			goto stCase275
		case 276:
			goto stCase276
		case 277:
			goto stCase277
		case 278:
			goto stCase278
		case 279:
			goto stCase279
		case 280:
			goto stCase280
		case 281:
			goto stCase281
		case 282:
			goto stCase282
		case 283:
			goto stCase283
		case 284:
			goto stCase284
		case 285:
			goto stCase285
		case 286:
			goto stCase286
		case 287:
			goto stCase287
		case 288:
			goto stCase288
		case 289:
			goto stCase289
		case 290:
			goto stCase290
		case 291:
			goto stCase291
		case 292:
			goto stCase292
		case 293:
			goto stCase293
		case 294:
			goto stCase294
		case 295:
			goto stCase295
		case 296:
			goto stCase296
		case 297:
			goto stCase297
		case 298:
			goto stCase298
		case 299:
			goto stCase299
		case 300:
			goto stCase300
		case 301:
			goto stCase301
		case 302:
			goto stCase302
		case 303:
			goto stCase303
		case 304:
			goto stCase304
		case 305:
			goto stCase305
		case 306:
			goto stCase306
		case 307:
			goto stCase307
		case 308:
			goto stCase308
		case 309:
			goto stCase309
		case 310:
			goto stCase310
		case 311:
			goto stCase311
		case 312:
			goto stCase312
		case 313:
			goto stCase313
		case 314:
			goto stCase314
		case 315:
			goto stCase315
		case 316:
			goto stCase316
		case 317:
			goto stCase317
		case 318:
			goto stCase318
		case 319:
			goto stCase319
		case 320:
			goto stCase320
		case 321:
			goto stCase321
		case 322:
			goto stCase322
		case 323:
			goto stCase323
		case 324:
			goto stCase324
		case 325:
			goto stCase325
		case 326:
			goto stCase326
		case 327:
			goto stCase327
		case 328:
			goto stCase328
		case 329:
			goto stCase329
		case 330:
			goto stCase330
		case 331:
			goto stCase331
		case 332:
			goto stCase332
		case 333:
			goto stCase333
		case 334:
			goto stCase334
		case 335:
			goto stCase335
		case 336:
			goto stCase336
		case 337:
			goto stCase337
		case 338:
			goto stCase338
		case 339:
			goto stCase339
		case 340:
			goto stCase340
		case 341:
			goto stCase341
		case 342:
			goto stCase342
		case 343:
			goto stCase343
		case 344:
			goto stCase344
		case 345:
			goto stCase345
		case 346:
			goto stCase346
		case 347:
			goto stCase347
		case 348:
			goto stCase348
		case 349:
			goto stCase349
		case 350:
			goto stCase350
		case 351:
			goto stCase351
		case 352:
			goto stCase352
		case 353:
			goto stCase353
		case 354:
			goto stCase354
		case 355:
			goto stCase355
		case 356:
			goto stCase356
		case 357:
			goto stCase357
		case 358:
			goto stCase358
		case 359:
			goto stCase359
		case 360:
			goto stCase360
		case 361:
			goto stCase361
		case 362:
			goto stCase362
		case 363:
			goto stCase363
		case 364:
			goto stCase364
		case 365:
			goto stCase365
		case 366:
			goto stCase366
		case 367:
			goto stCase367
		case 368:
			goto stCase368
		case 369:
			goto stCase369
		case 370:
			goto stCase370
		case 371:
			goto stCase371
		case 372:
			goto stCase372
		case 373:
			goto stCase373
		case 374:
			goto stCase374
		case 375:
			goto stCase375
		case 376:
			goto stCase376
		case 377:
			goto stCase377
		case 378:
			goto stCase378
		case 379:
			goto stCase379
		case 380:
			goto stCase380
		case 381:
			goto stCase381
		case 382:
			goto stCase382
		case 383:
			goto stCase383
		case 384:
			goto stCase384
		case 385:
			goto stCase385
		case 386:
			goto stCase386
		case 387:
			goto stCase387
		case 388:
			goto stCase388
		case 389:
			goto stCase389
		case 390:
			goto stCase390
		case 391:
			goto stCase391
		case 392:
			goto stCase392
		case 393:
			goto stCase393
		case 394:
			goto stCase394
		case 395:
			goto stCase395
		case 396:
			goto stCase396
		case 397:
			goto stCase397
		case 398:
			goto stCase398
		case 399:
			goto stCase399
		case 400:
			goto stCase400
		case 401:
			goto stCase401
		case 402:
			goto stCase402
		case 403:
			goto stCase403
		case 404:
			goto stCase404
		case 405:
			goto stCase405
		case 406:
			goto stCase406
		case 407:
			goto stCase407
		case 408:
			goto stCase408
		case 409:
			goto stCase409
		case 410:
			goto stCase410
		case 411:
			goto stCase411
		case 412:
			goto stCase412
		case 413:
			goto stCase413
		case 414:
			goto stCase414
		case 415:
			goto stCase415
		case 416:
			goto stCase416
		case 417:
			goto stCase417
		case 418:
			goto stCase418
		case 419:
			goto stCase419
		case 420:
			goto stCase420
		case 421:
			goto stCase421
		case 422:
			goto stCase422
		case 423:
			goto stCase423
		case 424:
			goto stCase424
		case 425:
			goto stCase425
		case 426:
			goto stCase426
		case 427:
			goto stCase427
		case 428:
			goto stCase428
		case 429:
			goto stCase429
		case 430:
			goto stCase430
		case 431:
			goto stCase431
		case 432:
			goto stCase432
		case 433:
			goto stCase433
		case 434:
			goto stCase434
		case 435:
			goto stCase435
		case 436:
			goto stCase436
		case 437:
			goto stCase437
		case 438:
			goto stCase438
		case 439:
			goto stCase439
		case 440:
			goto stCase440
		case 441:
			goto stCase441
		case 442:
			goto stCase442
		case 443:
			goto stCase443
		case 444:
			goto stCase444
		case 445:
			goto stCase445
		case 446:
			goto stCase446
		case 447:
			goto stCase447
		case 448:
			goto stCase448
		case 449:
			goto stCase449
		case 450:
			goto stCase450
		case 451:
			goto stCase451
		case 452:
			goto stCase452
		case 453:
			goto stCase453
		case 454:
			goto stCase454
		case 455:
			goto stCase455
		case 456:
			goto stCase456
		case 457:
			goto stCase457
		case 458:
			goto stCase458
		case 459:
			goto stCase459
		case 460:
			goto stCase460
		case 461:
			goto stCase461
		case 462:
			goto stCase462
		case 463:
			goto stCase463
		case 464:
			goto stCase464
		case 465:
			goto stCase465
		case 466:
			goto stCase466
		case 467:
			goto stCase467
		case 468:
			goto stCase468
		case 469:
			goto stCase469
		case 470:
			goto stCase470
		case 471:
			goto stCase471
		case 472:
			goto stCase472
		case 473:
			goto stCase473
		case 474:
			goto stCase474
		case 475:
			goto stCase475
		case 476:
			goto stCase476
		case 477:
			goto stCase477
		case 478:
			goto stCase478
		case 479:
			goto stCase479
		case 480:
			goto stCase480
		case 481:
			goto stCase481
		case 482:
			goto stCase482
		case 483:
			goto stCase483
		case 484:
			goto stCase484
		case 485:
			goto stCase485
		case 486:
			goto stCase486
		case 487:
			goto stCase487
		case 488:
			goto stCase488
		case 489:
			goto stCase489
		case 490:
			goto stCase490
		case 491:
			goto stCase491
		case 492:
			goto stCase492
		case 493:
			goto stCase493
		case 494:
			goto stCase494
		case 495:
			goto stCase495
		case 496:
			goto stCase496
		case 497:
			goto stCase497
		case 498:
			goto stCase498
		case 499:
			goto stCase499
		case 500:
			goto stCase500
		case 501:
			goto stCase501
		case 502:
			goto stCase502
		case 503:
			goto stCase503
		case 504:
			goto stCase504
		case 505:
			goto stCase505
		case 506:
			goto stCase506
		case 507:
			goto stCase507
		case 508:
			goto stCase508
		case 509:
			goto stCase509
		case 510:
			goto stCase510
		case 511:
			goto stCase511
		case 512:
			goto stCase512
		case 513:
			goto stCase513
		case 514:
			goto stCase514
		case 515:
			goto stCase515
		case 516:
			goto stCase516
		case 517:
			goto stCase517
		case 518:
			goto stCase518
		case 519:
			goto stCase519
		case 520:
			goto stCase520
		case 521:
			goto stCase521
		case 522:
			goto stCase522
		case 523:
			goto stCase523
		case 524:
			goto stCase524
		case 525:
			goto stCase525
		case 526:
			goto stCase526
		case 527:
			goto stCase527
		case 528:
			goto stCase528
		case 529:
			goto stCase529
		case 530:
			goto stCase530
		case 531:
			goto stCase531
		case 532:
			goto stCase532
		case 533:
			goto stCase533
		case 534:
			goto stCase534
		case 535:
			goto stCase535
		case 536:
			goto stCase536
		case 537:
			goto stCase537
		case 538:
			goto stCase538
		case 539:
			goto stCase539
		case 540:
			goto stCase540
		case 541:
			goto stCase541
		case 542:
			goto stCase542
		case 543:
			goto stCase543
		case 544:
			goto stCase544
		case 545:
			goto stCase545
		case 546:
			goto stCase546
		case 547:
			goto stCase547
		case 548:
			goto stCase548
		case 549:
			goto stCase549
		case 550:
			goto stCase550
		case 551:
			goto stCase551
		case 552:
			goto stCase552
		case 553:
			goto stCase553
		case 554:
			goto stCase554
		case 555:
			goto stCase555
		case 556:
			goto stCase556
		case 557:
			goto stCase557
		case 558:
			goto stCase558
		case 559:
			goto stCase559
		case 560:
			goto stCase560
		case 561:
			goto stCase561
		case 562:
			goto stCase562
		case 563:
			goto stCase563
		case 564:
			goto stCase564
		case 565:
			goto stCase565
		case 566:
			goto stCase566
		case 567:
			goto stCase567
		case 568:
			goto stCase568
		case 569:
			goto stCase569
		case 570:
			goto stCase570
		case 571:
			goto stCase571
		case 572:
			goto stCase572
		case 573:
			goto stCase573
		case 574:
			goto stCase574
		case 575:
			goto stCase575
		case 576:
			goto stCase576
		case 577:
			goto stCase577
		case 578:
			goto stCase578
		case 579:
			goto stCase579
		case 580:
			goto stCase580
		case 581:
			goto stCase581
		case 582:
			goto stCase582
		case 583:
			goto stCase583
		case 584:
			goto stCase584
		case 585:
			goto stCase585
		case 586:
			goto stCase586
		case 587:
			goto stCase587
		case 588:
			goto stCase588
		case 589:
			goto stCase589
		case 590:
			goto stCase590
		case 591:
			goto stCase591
		case 592:
			goto stCase592
		case 593:
			goto stCase593
		case 594:
			goto stCase594
		case 595:
			goto stCase595
		case 596:
			goto stCase596
		case 597:
			goto stCase597
		case 598:
			goto stCase598
		case 599:
			goto stCase599
		case 600:
			goto stCase600
		case 601:
			goto stCase601
		case 602:
			goto stCase602
		case 607:
			goto stCase607
		}
		goto stOut
	stCase1:
		if (m.data)[(m.p)] == 60 {
			goto st2
		}
		goto tr0
	tr0:

		m.err = fmt.Errorf(ErrPri+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr2:

		m.err = fmt.Errorf(ErrPrival+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrPri+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr7:

		m.err = fmt.Errorf(ErrVersion+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr9:

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr12:

		m.err = fmt.Errorf(ErrTimestamp+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr16:

		m.err = fmt.Errorf(ErrHostname+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr20:

		m.err = fmt.Errorf(ErrAppname+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr24:

		m.err = fmt.Errorf(ErrProcID+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr28:

		m.err = fmt.Errorf(ErrMsgID+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr30:

		m.err = fmt.Errorf(ErrMsgID+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr33:

		m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr36:

		// If error encountered within the message rule ...
		if m.msgat > 0 {
			// Save the text until valid (m.p is where the parser has stopped)
			output.message = string(m.data[m.msgat:m.p])
		}

		m.err = fmt.Errorf(ErrMsg+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr40:

		delete(output.structuredData, m.currentelem)
		if len(output.structuredData) == 0 {
			output.hasElements = false
		}
		m.err = fmt.Errorf(ErrSdID+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr42:

		if _, ok := output.structuredData[string(m.text())]; ok {
			// As per RFC5424 section 6.3.2 SD-ID MUST NOT exist more than once in a message
			m.err = fmt.Errorf(ErrSdIDDuplicated+ColumnPositionTemplate, m.p)
			(m.p)--

			{
				goto st607
			}
		} else {
			id := string(m.text())
			output.structuredData[id] = map[string]string{}
			output.hasElements = true
			m.currentelem = id
		}

		delete(output.structuredData, m.currentelem)
		if len(output.structuredData) == 0 {
			output.hasElements = false
		}
		m.err = fmt.Errorf(ErrSdID+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr46:

		if len(output.structuredData) > 0 {
			delete(output.structuredData[m.currentelem], m.currentparam)
		}
		m.err = fmt.Errorf(ErrSdParam+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr84:

		m.err = fmt.Errorf(ErrEscape+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		if len(output.structuredData) > 0 {
			delete(output.structuredData[m.currentelem], m.currentparam)
		}
		m.err = fmt.Errorf(ErrSdParam+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr619:

		if t, e := time.Parse(RFC3339MICRO, string(m.text())); e != nil {
			m.err = fmt.Errorf("%s [col %d]", e, m.p)
			(m.p)--

			{
				goto st607
			}
		} else {
			output.timestamp = t
			output.timestampSet = true
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	tr645:

		m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
		(m.p)--

		{
			goto st607
		}

		goto st0
	stCase0:
	st0:
		m.cs = 0
		goto _out
	st2:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof2
		}
	stCase2:
		switch (m.data)[(m.p)] {
		case 48:
			goto tr3
		case 49:
			goto tr4
		}
		if 50 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto tr5
		}
		goto tr2
	tr3:

		m.pb = m.p

		goto st3
	st3:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof3
		}
	stCase3:

		output.priority = uint8(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))
		output.prioritySet = true

		if (m.data)[(m.p)] == 62 {
			goto st4
		}
		goto tr2
	st4:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof4
		}
	stCase4:
		if 49 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto tr8
		}
		goto tr7
	tr8:

		m.pb = m.p

		goto st5
	st5:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof5
		}
	stCase5:

		output.version = uint16(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))

		if (m.data)[(m.p)] == 32 {
			goto st6
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st598
		}
		goto tr9
	st6:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof6
		}
	stCase6:
		if (m.data)[(m.p)] == 45 {
			goto st7
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto tr14
		}
		goto tr12
	st7:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof7
		}
	stCase7:
		if (m.data)[(m.p)] == 32 {
			goto st8
		}
		goto tr9
	tr620:

		if t, e := time.Parse(RFC3339MICRO, string(m.text())); e != nil {
			m.err = fmt.Errorf("%s [col %d]", e, m.p)
			(m.p)--

			{
				goto st607
			}
		} else {
			output.timestamp = t
			output.timestampSet = true
		}

		goto st8
	st8:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof8
		}
	stCase8:
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto tr17
		}
		goto tr16
	tr17:

		m.pb = m.p

		goto st9
	st9:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof9
		}
	stCase9:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st307
		}
		goto tr16
	tr18:

		output.hostname = string(m.text())

		goto st10
	st10:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof10
		}
	stCase10:
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto tr21
		}
		goto tr20
	tr21:

		m.pb = m.p

		goto st11
	st11:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof11
		}
	stCase11:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st260
		}
		goto tr20
	tr22:

		output.appname = string(m.text())

		goto st12
	st12:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof12
		}
	stCase12:
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto tr25
		}
		goto tr24
	tr25:

		m.pb = m.p

		goto st13
	st13:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof13
		}
	stCase13:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st133
		}
		goto tr24
	tr26:

		output.procID = string(m.text())

		goto st14
	st14:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof14
		}
	stCase14:
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto tr29
		}
		goto tr28
	tr29:

		m.pb = m.p

		goto st15
	st15:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof15
		}
	stCase15:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st102
		}
		goto tr30
	tr31:

		output.msgID = string(m.text())

		goto st16
	st16:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof16
		}
	stCase16:
		switch (m.data)[(m.p)] {
		case 45:
			goto st603
		case 91:
			goto tr35
		}
		goto tr33
	st603:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof603
		}
	stCase603:
		if (m.data)[(m.p)] == 32 {
			goto st604
		}
		goto tr9
	st604:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof604
		}
	stCase604:
		switch (m.data)[(m.p)] {
		case 224:
			goto tr634
		case 237:
			goto tr636
		case 240:
			goto tr637
		case 244:
			goto tr639
		}
		switch {
		case (m.data)[(m.p)] < 225:
			switch {
			case (m.data)[(m.p)] > 193:
				if 194 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 223 {
					goto tr633
				}
			case (m.data)[(m.p)] >= 128:
				goto tr36
			}
		case (m.data)[(m.p)] > 239:
			switch {
			case (m.data)[(m.p)] > 243:
				if 245 <= (m.data)[(m.p)] {
					goto tr36
				}
			case (m.data)[(m.p)] >= 241:
				goto tr638
			}
		default:
			goto tr635
		}
		goto tr632
	tr632:

		m.pb = m.p

		m.msgat = m.p

		goto st605
	st605:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof605
		}
	stCase605:
		switch (m.data)[(m.p)] {
		case 224:
			goto st18
		case 237:
			goto st20
		case 240:
			goto st21
		case 244:
			goto st23
		}
		switch {
		case (m.data)[(m.p)] < 225:
			switch {
			case (m.data)[(m.p)] > 193:
				if 194 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 223 {
					goto st17
				}
			case (m.data)[(m.p)] >= 128:
				goto tr36
			}
		case (m.data)[(m.p)] > 239:
			switch {
			case (m.data)[(m.p)] > 243:
				if 245 <= (m.data)[(m.p)] {
					goto tr36
				}
			case (m.data)[(m.p)] >= 241:
				goto st22
			}
		default:
			goto st19
		}
		goto st605
	tr633:

		m.pb = m.p

		m.msgat = m.p

		goto st17
	st17:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof17
		}
	stCase17:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st605
		}
		goto tr36
	tr634:

		m.pb = m.p

		m.msgat = m.p

		goto st18
	st18:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof18
		}
	stCase18:
		if 160 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st17
		}
		goto tr36
	tr635:

		m.pb = m.p

		m.msgat = m.p

		goto st19
	st19:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof19
		}
	stCase19:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st17
		}
		goto tr36
	tr636:

		m.pb = m.p

		m.msgat = m.p

		goto st20
	st20:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof20
		}
	stCase20:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 159 {
			goto st17
		}
		goto tr36
	tr637:

		m.pb = m.p

		m.msgat = m.p

		goto st21
	st21:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof21
		}
	stCase21:
		if 144 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st19
		}
		goto tr36
	tr638:

		m.pb = m.p

		m.msgat = m.p

		goto st22
	st22:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof22
		}
	stCase22:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st19
		}
		goto tr36
	tr639:

		m.pb = m.p

		m.msgat = m.p

		goto st23
	st23:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof23
		}
	stCase23:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 143 {
			goto st19
		}
		goto tr36
	tr35:

		output.structuredData = map[string]map[string]string{}

		goto st24
	st24:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof24
		}
	stCase24:
		if (m.data)[(m.p)] == 33 {
			goto tr41
		}
		switch {
		case (m.data)[(m.p)] < 62:
			if 35 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 60 {
				goto tr41
			}
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto tr41
			}
		default:
			goto tr41
		}
		goto tr40
	tr41:

		m.pb = m.p

		goto st25
	st25:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof25
		}
	stCase25:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st71
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st71
			}
		case (m.data)[(m.p)] >= 35:
			goto st71
		}
		goto tr42
	tr43:

		if _, ok := output.structuredData[string(m.text())]; ok {
			// As per RFC5424 section 6.3.2 SD-ID MUST NOT exist more than once in a message
			m.err = fmt.Errorf(ErrSdIDDuplicated+ColumnPositionTemplate, m.p)
			(m.p)--

			{
				goto st607
			}
		} else {
			id := string(m.text())
			output.structuredData[id] = map[string]string{}
			output.hasElements = true
			m.currentelem = id
		}

		goto st26
	st26:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof26
		}
	stCase26:
		if (m.data)[(m.p)] == 33 {
			goto tr47
		}
		switch {
		case (m.data)[(m.p)] < 62:
			if 35 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 60 {
				goto tr47
			}
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto tr47
			}
		default:
			goto tr47
		}
		goto tr46
	tr47:

		m.backslashat = []int{}

		m.pb = m.p

		goto st27
	st27:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof27
		}
	stCase27:
		switch (m.data)[(m.p)] {
		case 33:
			goto st28
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st28
			}
		case (m.data)[(m.p)] >= 35:
			goto st28
		}
		goto tr46
	st28:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof28
		}
	stCase28:
		switch (m.data)[(m.p)] {
		case 33:
			goto st29
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st29
			}
		case (m.data)[(m.p)] >= 35:
			goto st29
		}
		goto tr46
	st29:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof29
		}
	stCase29:
		switch (m.data)[(m.p)] {
		case 33:
			goto st30
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st30
			}
		case (m.data)[(m.p)] >= 35:
			goto st30
		}
		goto tr46
	st30:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof30
		}
	stCase30:
		switch (m.data)[(m.p)] {
		case 33:
			goto st31
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st31
			}
		case (m.data)[(m.p)] >= 35:
			goto st31
		}
		goto tr46
	st31:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof31
		}
	stCase31:
		switch (m.data)[(m.p)] {
		case 33:
			goto st32
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st32
			}
		case (m.data)[(m.p)] >= 35:
			goto st32
		}
		goto tr46
	st32:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof32
		}
	stCase32:
		switch (m.data)[(m.p)] {
		case 33:
			goto st33
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st33
			}
		case (m.data)[(m.p)] >= 35:
			goto st33
		}
		goto tr46
	st33:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof33
		}
	stCase33:
		switch (m.data)[(m.p)] {
		case 33:
			goto st34
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st34
			}
		case (m.data)[(m.p)] >= 35:
			goto st34
		}
		goto tr46
	st34:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof34
		}
	stCase34:
		switch (m.data)[(m.p)] {
		case 33:
			goto st35
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st35
			}
		case (m.data)[(m.p)] >= 35:
			goto st35
		}
		goto tr46
	st35:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof35
		}
	stCase35:
		switch (m.data)[(m.p)] {
		case 33:
			goto st36
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st36
			}
		case (m.data)[(m.p)] >= 35:
			goto st36
		}
		goto tr46
	st36:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof36
		}
	stCase36:
		switch (m.data)[(m.p)] {
		case 33:
			goto st37
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st37
			}
		case (m.data)[(m.p)] >= 35:
			goto st37
		}
		goto tr46
	st37:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof37
		}
	stCase37:
		switch (m.data)[(m.p)] {
		case 33:
			goto st38
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st38
			}
		case (m.data)[(m.p)] >= 35:
			goto st38
		}
		goto tr46
	st38:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof38
		}
	stCase38:
		switch (m.data)[(m.p)] {
		case 33:
			goto st39
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st39
			}
		case (m.data)[(m.p)] >= 35:
			goto st39
		}
		goto tr46
	st39:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof39
		}
	stCase39:
		switch (m.data)[(m.p)] {
		case 33:
			goto st40
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st40
			}
		case (m.data)[(m.p)] >= 35:
			goto st40
		}
		goto tr46
	st40:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof40
		}
	stCase40:
		switch (m.data)[(m.p)] {
		case 33:
			goto st41
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st41
			}
		case (m.data)[(m.p)] >= 35:
			goto st41
		}
		goto tr46
	st41:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof41
		}
	stCase41:
		switch (m.data)[(m.p)] {
		case 33:
			goto st42
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st42
			}
		case (m.data)[(m.p)] >= 35:
			goto st42
		}
		goto tr46
	st42:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof42
		}
	stCase42:
		switch (m.data)[(m.p)] {
		case 33:
			goto st43
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st43
			}
		case (m.data)[(m.p)] >= 35:
			goto st43
		}
		goto tr46
	st43:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof43
		}
	stCase43:
		switch (m.data)[(m.p)] {
		case 33:
			goto st44
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st44
			}
		case (m.data)[(m.p)] >= 35:
			goto st44
		}
		goto tr46
	st44:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof44
		}
	stCase44:
		switch (m.data)[(m.p)] {
		case 33:
			goto st45
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st45
			}
		case (m.data)[(m.p)] >= 35:
			goto st45
		}
		goto tr46
	st45:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof45
		}
	stCase45:
		switch (m.data)[(m.p)] {
		case 33:
			goto st46
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st46
			}
		case (m.data)[(m.p)] >= 35:
			goto st46
		}
		goto tr46
	st46:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof46
		}
	stCase46:
		switch (m.data)[(m.p)] {
		case 33:
			goto st47
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st47
			}
		case (m.data)[(m.p)] >= 35:
			goto st47
		}
		goto tr46
	st47:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof47
		}
	stCase47:
		switch (m.data)[(m.p)] {
		case 33:
			goto st48
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st48
			}
		case (m.data)[(m.p)] >= 35:
			goto st48
		}
		goto tr46
	st48:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof48
		}
	stCase48:
		switch (m.data)[(m.p)] {
		case 33:
			goto st49
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st49
			}
		case (m.data)[(m.p)] >= 35:
			goto st49
		}
		goto tr46
	st49:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof49
		}
	stCase49:
		switch (m.data)[(m.p)] {
		case 33:
			goto st50
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st50
			}
		case (m.data)[(m.p)] >= 35:
			goto st50
		}
		goto tr46
	st50:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof50
		}
	stCase50:
		switch (m.data)[(m.p)] {
		case 33:
			goto st51
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st51
			}
		case (m.data)[(m.p)] >= 35:
			goto st51
		}
		goto tr46
	st51:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof51
		}
	stCase51:
		switch (m.data)[(m.p)] {
		case 33:
			goto st52
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st52
			}
		case (m.data)[(m.p)] >= 35:
			goto st52
		}
		goto tr46
	st52:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof52
		}
	stCase52:
		switch (m.data)[(m.p)] {
		case 33:
			goto st53
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st53
			}
		case (m.data)[(m.p)] >= 35:
			goto st53
		}
		goto tr46
	st53:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof53
		}
	stCase53:
		switch (m.data)[(m.p)] {
		case 33:
			goto st54
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st54
			}
		case (m.data)[(m.p)] >= 35:
			goto st54
		}
		goto tr46
	st54:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof54
		}
	stCase54:
		switch (m.data)[(m.p)] {
		case 33:
			goto st55
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st55
			}
		case (m.data)[(m.p)] >= 35:
			goto st55
		}
		goto tr46
	st55:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof55
		}
	stCase55:
		switch (m.data)[(m.p)] {
		case 33:
			goto st56
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st56
			}
		case (m.data)[(m.p)] >= 35:
			goto st56
		}
		goto tr46
	st56:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof56
		}
	stCase56:
		switch (m.data)[(m.p)] {
		case 33:
			goto st57
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st57
			}
		case (m.data)[(m.p)] >= 35:
			goto st57
		}
		goto tr46
	st57:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof57
		}
	stCase57:
		switch (m.data)[(m.p)] {
		case 33:
			goto st58
		case 61:
			goto tr49
		}
		switch {
		case (m.data)[(m.p)] > 92:
			if 94 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st58
			}
		case (m.data)[(m.p)] >= 35:
			goto st58
		}
		goto tr46
	st58:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof58
		}
	stCase58:
		if (m.data)[(m.p)] == 61 {
			goto tr49
		}
		goto tr46
	tr49:

		m.currentparam = string(m.text())

		goto st59
	st59:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof59
		}
	stCase59:
		if (m.data)[(m.p)] == 34 {
			goto st60
		}
		goto tr46
	st60:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof60
		}
	stCase60:
		switch (m.data)[(m.p)] {
		case 34:
			goto tr82
		case 92:
			goto tr83
		case 93:
			goto tr84
		case 224:
			goto tr86
		case 237:
			goto tr88
		case 240:
			goto tr89
		case 244:
			goto tr91
		}
		switch {
		case (m.data)[(m.p)] < 225:
			switch {
			case (m.data)[(m.p)] > 193:
				if 194 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 223 {
					goto tr85
				}
			case (m.data)[(m.p)] >= 128:
				goto tr84
			}
		case (m.data)[(m.p)] > 239:
			switch {
			case (m.data)[(m.p)] > 243:
				if 245 <= (m.data)[(m.p)] {
					goto tr84
				}
			case (m.data)[(m.p)] >= 241:
				goto tr90
			}
		default:
			goto tr87
		}
		goto tr81
	tr81:

		m.pb = m.p

		goto st61
	st61:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof61
		}
	stCase61:
		switch (m.data)[(m.p)] {
		case 34:
			goto tr93
		case 92:
			goto tr94
		case 93:
			goto tr84
		case 224:
			goto st65
		case 237:
			goto st67
		case 240:
			goto st68
		case 244:
			goto st70
		}
		switch {
		case (m.data)[(m.p)] < 225:
			switch {
			case (m.data)[(m.p)] > 193:
				if 194 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 223 {
					goto st64
				}
			case (m.data)[(m.p)] >= 128:
				goto tr84
			}
		case (m.data)[(m.p)] > 239:
			switch {
			case (m.data)[(m.p)] > 243:
				if 245 <= (m.data)[(m.p)] {
					goto tr84
				}
			case (m.data)[(m.p)] >= 241:
				goto st69
			}
		default:
			goto st66
		}
		goto st61
	tr82:

		m.pb = m.p

		if output.hasElements {
			// (fixme) > what if SD-PARAM-NAME already exist for the current element (ie., current SD-ID)?

			// Store text
			text := m.text()

			// Strip backslashes only when there are ...
			if len(m.backslashat) > 0 {
				text = common.RemoveBytes(text, m.backslashat, m.pb)
			}
			output.structuredData[m.currentelem][m.currentparam] = string(text)
		}

		goto st62
	tr93:

		if output.hasElements {
			// (fixme) > what if SD-PARAM-NAME already exist for the current element (ie., current SD-ID)?

			// Store text
			text := m.text()

			// Strip backslashes only when there are ...
			if len(m.backslashat) > 0 {
				text = common.RemoveBytes(text, m.backslashat, m.pb)
			}
			output.structuredData[m.currentelem][m.currentparam] = string(text)
		}

		goto st62
	st62:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof62
		}
	stCase62:
		switch (m.data)[(m.p)] {
		case 32:
			goto st26
		case 93:
			goto st606
		}
		goto tr46
	tr45:

		if _, ok := output.structuredData[string(m.text())]; ok {
			// As per RFC5424 section 6.3.2 SD-ID MUST NOT exist more than once in a message
			m.err = fmt.Errorf(ErrSdIDDuplicated+ColumnPositionTemplate, m.p)
			(m.p)--

			{
				goto st607
			}
		} else {
			id := string(m.text())
			output.structuredData[id] = map[string]string{}
			output.hasElements = true
			m.currentelem = id
		}

		goto st606
	st606:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof606
		}
	stCase606:
		switch (m.data)[(m.p)] {
		case 32:
			goto st604
		case 91:
			goto st24
		}
		goto tr645
	tr83:

		m.pb = m.p

		m.backslashat = append(m.backslashat, m.p)

		goto st63
	tr94:

		m.backslashat = append(m.backslashat, m.p)

		goto st63
	st63:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof63
		}
	stCase63:
		if (m.data)[(m.p)] == 34 {
			goto st61
		}
		if 92 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 93 {
			goto st61
		}
		goto tr84
	tr85:

		m.pb = m.p

		goto st64
	st64:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof64
		}
	stCase64:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st61
		}
		goto tr46
	tr86:

		m.pb = m.p

		goto st65
	st65:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof65
		}
	stCase65:
		if 160 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st64
		}
		goto tr46
	tr87:

		m.pb = m.p

		goto st66
	st66:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof66
		}
	stCase66:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st64
		}
		goto tr46
	tr88:

		m.pb = m.p

		goto st67
	st67:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof67
		}
	stCase67:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 159 {
			goto st64
		}
		goto tr46
	tr89:

		m.pb = m.p

		goto st68
	st68:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof68
		}
	stCase68:
		if 144 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st66
		}
		goto tr46
	tr90:

		m.pb = m.p

		goto st69
	st69:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof69
		}
	stCase69:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 191 {
			goto st66
		}
		goto tr46
	tr91:

		m.pb = m.p

		goto st70
	st70:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof70
		}
	stCase70:
		if 128 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 143 {
			goto st66
		}
		goto tr46
	st71:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof71
		}
	stCase71:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st72
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st72
			}
		case (m.data)[(m.p)] >= 35:
			goto st72
		}
		goto tr42
	st72:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof72
		}
	stCase72:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st73
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st73
			}
		case (m.data)[(m.p)] >= 35:
			goto st73
		}
		goto tr42
	st73:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof73
		}
	stCase73:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st74
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st74
			}
		case (m.data)[(m.p)] >= 35:
			goto st74
		}
		goto tr42
	st74:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof74
		}
	stCase74:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st75
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st75
			}
		case (m.data)[(m.p)] >= 35:
			goto st75
		}
		goto tr42
	st75:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof75
		}
	stCase75:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st76
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st76
			}
		case (m.data)[(m.p)] >= 35:
			goto st76
		}
		goto tr42
	st76:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof76
		}
	stCase76:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st77
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st77
			}
		case (m.data)[(m.p)] >= 35:
			goto st77
		}
		goto tr42
	st77:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof77
		}
	stCase77:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st78
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st78
			}
		case (m.data)[(m.p)] >= 35:
			goto st78
		}
		goto tr42
	st78:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof78
		}
	stCase78:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st79
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st79
			}
		case (m.data)[(m.p)] >= 35:
			goto st79
		}
		goto tr42
	st79:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof79
		}
	stCase79:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st80
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st80
			}
		case (m.data)[(m.p)] >= 35:
			goto st80
		}
		goto tr42
	st80:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof80
		}
	stCase80:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st81
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st81
			}
		case (m.data)[(m.p)] >= 35:
			goto st81
		}
		goto tr42
	st81:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof81
		}
	stCase81:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st82
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st82
			}
		case (m.data)[(m.p)] >= 35:
			goto st82
		}
		goto tr42
	st82:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof82
		}
	stCase82:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st83
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st83
			}
		case (m.data)[(m.p)] >= 35:
			goto st83
		}
		goto tr42
	st83:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof83
		}
	stCase83:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st84
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st84
			}
		case (m.data)[(m.p)] >= 35:
			goto st84
		}
		goto tr42
	st84:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof84
		}
	stCase84:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st85
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st85
			}
		case (m.data)[(m.p)] >= 35:
			goto st85
		}
		goto tr42
	st85:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof85
		}
	stCase85:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st86
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st86
			}
		case (m.data)[(m.p)] >= 35:
			goto st86
		}
		goto tr42
	st86:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof86
		}
	stCase86:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st87
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st87
			}
		case (m.data)[(m.p)] >= 35:
			goto st87
		}
		goto tr42
	st87:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof87
		}
	stCase87:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st88
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st88
			}
		case (m.data)[(m.p)] >= 35:
			goto st88
		}
		goto tr42
	st88:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof88
		}
	stCase88:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st89
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st89
			}
		case (m.data)[(m.p)] >= 35:
			goto st89
		}
		goto tr42
	st89:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof89
		}
	stCase89:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st90
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st90
			}
		case (m.data)[(m.p)] >= 35:
			goto st90
		}
		goto tr42
	st90:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof90
		}
	stCase90:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st91
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st91
			}
		case (m.data)[(m.p)] >= 35:
			goto st91
		}
		goto tr42
	st91:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof91
		}
	stCase91:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st92
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st92
			}
		case (m.data)[(m.p)] >= 35:
			goto st92
		}
		goto tr42
	st92:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof92
		}
	stCase92:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st93
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st93
			}
		case (m.data)[(m.p)] >= 35:
			goto st93
		}
		goto tr42
	st93:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof93
		}
	stCase93:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st94
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st94
			}
		case (m.data)[(m.p)] >= 35:
			goto st94
		}
		goto tr42
	st94:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof94
		}
	stCase94:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st95
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st95
			}
		case (m.data)[(m.p)] >= 35:
			goto st95
		}
		goto tr42
	st95:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof95
		}
	stCase95:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st96
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st96
			}
		case (m.data)[(m.p)] >= 35:
			goto st96
		}
		goto tr42
	st96:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof96
		}
	stCase96:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st97
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st97
			}
		case (m.data)[(m.p)] >= 35:
			goto st97
		}
		goto tr42
	st97:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof97
		}
	stCase97:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st98
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st98
			}
		case (m.data)[(m.p)] >= 35:
			goto st98
		}
		goto tr42
	st98:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof98
		}
	stCase98:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st99
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st99
			}
		case (m.data)[(m.p)] >= 35:
			goto st99
		}
		goto tr42
	st99:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof99
		}
	stCase99:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st100
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st100
			}
		case (m.data)[(m.p)] >= 35:
			goto st100
		}
		goto tr42
	st100:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof100
		}
	stCase100:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 33:
			goto st101
		case 93:
			goto tr45
		}
		switch {
		case (m.data)[(m.p)] > 60:
			if 62 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
				goto st101
			}
		case (m.data)[(m.p)] >= 35:
			goto st101
		}
		goto tr42
	st101:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof101
		}
	stCase101:
		switch (m.data)[(m.p)] {
		case 32:
			goto tr43
		case 93:
			goto tr45
		}
		goto tr42
	st102:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof102
		}
	stCase102:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st103
		}
		goto tr30
	st103:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof103
		}
	stCase103:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st104
		}
		goto tr30
	st104:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof104
		}
	stCase104:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st105
		}
		goto tr30
	st105:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof105
		}
	stCase105:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st106
		}
		goto tr30
	st106:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof106
		}
	stCase106:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st107
		}
		goto tr30
	st107:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof107
		}
	stCase107:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st108
		}
		goto tr30
	st108:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof108
		}
	stCase108:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st109
		}
		goto tr30
	st109:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof109
		}
	stCase109:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st110
		}
		goto tr30
	st110:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof110
		}
	stCase110:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st111
		}
		goto tr30
	st111:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof111
		}
	stCase111:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st112
		}
		goto tr30
	st112:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof112
		}
	stCase112:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st113
		}
		goto tr30
	st113:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof113
		}
	stCase113:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st114
		}
		goto tr30
	st114:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof114
		}
	stCase114:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st115
		}
		goto tr30
	st115:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof115
		}
	stCase115:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st116
		}
		goto tr30
	st116:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof116
		}
	stCase116:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st117
		}
		goto tr30
	st117:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof117
		}
	stCase117:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st118
		}
		goto tr30
	st118:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof118
		}
	stCase118:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st119
		}
		goto tr30
	st119:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof119
		}
	stCase119:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st120
		}
		goto tr30
	st120:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof120
		}
	stCase120:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st121
		}
		goto tr30
	st121:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof121
		}
	stCase121:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st122
		}
		goto tr30
	st122:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof122
		}
	stCase122:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st123
		}
		goto tr30
	st123:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof123
		}
	stCase123:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st124
		}
		goto tr30
	st124:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof124
		}
	stCase124:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st125
		}
		goto tr30
	st125:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof125
		}
	stCase125:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st126
		}
		goto tr30
	st126:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof126
		}
	stCase126:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st127
		}
		goto tr30
	st127:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof127
		}
	stCase127:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st128
		}
		goto tr30
	st128:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof128
		}
	stCase128:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st129
		}
		goto tr30
	st129:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof129
		}
	stCase129:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st130
		}
		goto tr30
	st130:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof130
		}
	stCase130:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st131
		}
		goto tr30
	st131:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof131
		}
	stCase131:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st132
		}
		goto tr30
	st132:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof132
		}
	stCase132:
		if (m.data)[(m.p)] == 32 {
			goto tr31
		}
		goto tr30
	st133:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof133
		}
	stCase133:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st134
		}
		goto tr24
	st134:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof134
		}
	stCase134:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st135
		}
		goto tr24
	st135:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof135
		}
	stCase135:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st136
		}
		goto tr24
	st136:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof136
		}
	stCase136:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st137
		}
		goto tr24
	st137:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof137
		}
	stCase137:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st138
		}
		goto tr24
	st138:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof138
		}
	stCase138:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st139
		}
		goto tr24
	st139:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof139
		}
	stCase139:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st140
		}
		goto tr24
	st140:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof140
		}
	stCase140:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st141
		}
		goto tr24
	st141:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof141
		}
	stCase141:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st142
		}
		goto tr24
	st142:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof142
		}
	stCase142:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st143
		}
		goto tr24
	st143:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof143
		}
	stCase143:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st144
		}
		goto tr24
	st144:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof144
		}
	stCase144:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st145
		}
		goto tr24
	st145:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof145
		}
	stCase145:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st146
		}
		goto tr24
	st146:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof146
		}
	stCase146:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st147
		}
		goto tr24
	st147:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof147
		}
	stCase147:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st148
		}
		goto tr24
	st148:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof148
		}
	stCase148:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st149
		}
		goto tr24
	st149:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof149
		}
	stCase149:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st150
		}
		goto tr24
	st150:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof150
		}
	stCase150:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st151
		}
		goto tr24
	st151:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof151
		}
	stCase151:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st152
		}
		goto tr24
	st152:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof152
		}
	stCase152:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st153
		}
		goto tr24
	st153:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof153
		}
	stCase153:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st154
		}
		goto tr24
	st154:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof154
		}
	stCase154:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st155
		}
		goto tr24
	st155:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof155
		}
	stCase155:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st156
		}
		goto tr24
	st156:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof156
		}
	stCase156:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st157
		}
		goto tr24
	st157:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof157
		}
	stCase157:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st158
		}
		goto tr24
	st158:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof158
		}
	stCase158:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st159
		}
		goto tr24
	st159:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof159
		}
	stCase159:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st160
		}
		goto tr24
	st160:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof160
		}
	stCase160:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st161
		}
		goto tr24
	st161:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof161
		}
	stCase161:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st162
		}
		goto tr24
	st162:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof162
		}
	stCase162:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st163
		}
		goto tr24
	st163:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof163
		}
	stCase163:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st164
		}
		goto tr24
	st164:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof164
		}
	stCase164:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st165
		}
		goto tr24
	st165:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof165
		}
	stCase165:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st166
		}
		goto tr24
	st166:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof166
		}
	stCase166:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st167
		}
		goto tr24
	st167:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof167
		}
	stCase167:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st168
		}
		goto tr24
	st168:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof168
		}
	stCase168:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st169
		}
		goto tr24
	st169:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof169
		}
	stCase169:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st170
		}
		goto tr24
	st170:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof170
		}
	stCase170:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st171
		}
		goto tr24
	st171:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof171
		}
	stCase171:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st172
		}
		goto tr24
	st172:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof172
		}
	stCase172:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st173
		}
		goto tr24
	st173:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof173
		}
	stCase173:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st174
		}
		goto tr24
	st174:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof174
		}
	stCase174:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st175
		}
		goto tr24
	st175:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof175
		}
	stCase175:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st176
		}
		goto tr24
	st176:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof176
		}
	stCase176:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st177
		}
		goto tr24
	st177:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof177
		}
	stCase177:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st178
		}
		goto tr24
	st178:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof178
		}
	stCase178:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st179
		}
		goto tr24
	st179:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof179
		}
	stCase179:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st180
		}
		goto tr24
	st180:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof180
		}
	stCase180:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st181
		}
		goto tr24
	st181:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof181
		}
	stCase181:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st182
		}
		goto tr24
	st182:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof182
		}
	stCase182:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st183
		}
		goto tr24
	st183:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof183
		}
	stCase183:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st184
		}
		goto tr24
	st184:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof184
		}
	stCase184:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st185
		}
		goto tr24
	st185:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof185
		}
	stCase185:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st186
		}
		goto tr24
	st186:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof186
		}
	stCase186:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st187
		}
		goto tr24
	st187:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof187
		}
	stCase187:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st188
		}
		goto tr24
	st188:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof188
		}
	stCase188:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st189
		}
		goto tr24
	st189:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof189
		}
	stCase189:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st190
		}
		goto tr24
	st190:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof190
		}
	stCase190:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st191
		}
		goto tr24
	st191:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof191
		}
	stCase191:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st192
		}
		goto tr24
	st192:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof192
		}
	stCase192:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st193
		}
		goto tr24
	st193:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof193
		}
	stCase193:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st194
		}
		goto tr24
	st194:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof194
		}
	stCase194:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st195
		}
		goto tr24
	st195:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof195
		}
	stCase195:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st196
		}
		goto tr24
	st196:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof196
		}
	stCase196:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st197
		}
		goto tr24
	st197:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof197
		}
	stCase197:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st198
		}
		goto tr24
	st198:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof198
		}
	stCase198:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st199
		}
		goto tr24
	st199:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof199
		}
	stCase199:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st200
		}
		goto tr24
	st200:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof200
		}
	stCase200:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st201
		}
		goto tr24
	st201:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof201
		}
	stCase201:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st202
		}
		goto tr24
	st202:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof202
		}
	stCase202:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st203
		}
		goto tr24
	st203:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof203
		}
	stCase203:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st204
		}
		goto tr24
	st204:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof204
		}
	stCase204:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st205
		}
		goto tr24
	st205:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof205
		}
	stCase205:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st206
		}
		goto tr24
	st206:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof206
		}
	stCase206:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st207
		}
		goto tr24
	st207:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof207
		}
	stCase207:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st208
		}
		goto tr24
	st208:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof208
		}
	stCase208:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st209
		}
		goto tr24
	st209:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof209
		}
	stCase209:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st210
		}
		goto tr24
	st210:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof210
		}
	stCase210:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st211
		}
		goto tr24
	st211:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof211
		}
	stCase211:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st212
		}
		goto tr24
	st212:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof212
		}
	stCase212:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st213
		}
		goto tr24
	st213:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof213
		}
	stCase213:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st214
		}
		goto tr24
	st214:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof214
		}
	stCase214:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st215
		}
		goto tr24
	st215:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof215
		}
	stCase215:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st216
		}
		goto tr24
	st216:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof216
		}
	stCase216:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st217
		}
		goto tr24
	st217:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof217
		}
	stCase217:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st218
		}
		goto tr24
	st218:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof218
		}
	stCase218:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st219
		}
		goto tr24
	st219:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof219
		}
	stCase219:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st220
		}
		goto tr24
	st220:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof220
		}
	stCase220:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st221
		}
		goto tr24
	st221:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof221
		}
	stCase221:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st222
		}
		goto tr24
	st222:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof222
		}
	stCase222:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st223
		}
		goto tr24
	st223:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof223
		}
	stCase223:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st224
		}
		goto tr24
	st224:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof224
		}
	stCase224:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st225
		}
		goto tr24
	st225:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof225
		}
	stCase225:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st226
		}
		goto tr24
	st226:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof226
		}
	stCase226:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st227
		}
		goto tr24
	st227:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof227
		}
	stCase227:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st228
		}
		goto tr24
	st228:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof228
		}
	stCase228:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st229
		}
		goto tr24
	st229:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof229
		}
	stCase229:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st230
		}
		goto tr24
	st230:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof230
		}
	stCase230:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st231
		}
		goto tr24
	st231:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof231
		}
	stCase231:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st232
		}
		goto tr24
	st232:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof232
		}
	stCase232:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st233
		}
		goto tr24
	st233:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof233
		}
	stCase233:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st234
		}
		goto tr24
	st234:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof234
		}
	stCase234:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st235
		}
		goto tr24
	st235:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof235
		}
	stCase235:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st236
		}
		goto tr24
	st236:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof236
		}
	stCase236:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st237
		}
		goto tr24
	st237:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof237
		}
	stCase237:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st238
		}
		goto tr24
	st238:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof238
		}
	stCase238:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st239
		}
		goto tr24
	st239:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof239
		}
	stCase239:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st240
		}
		goto tr24
	st240:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof240
		}
	stCase240:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st241
		}
		goto tr24
	st241:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof241
		}
	stCase241:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st242
		}
		goto tr24
	st242:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof242
		}
	stCase242:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st243
		}
		goto tr24
	st243:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof243
		}
	stCase243:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st244
		}
		goto tr24
	st244:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof244
		}
	stCase244:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st245
		}
		goto tr24
	st245:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof245
		}
	stCase245:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st246
		}
		goto tr24
	st246:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof246
		}
	stCase246:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st247
		}
		goto tr24
	st247:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof247
		}
	stCase247:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st248
		}
		goto tr24
	st248:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof248
		}
	stCase248:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st249
		}
		goto tr24
	st249:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof249
		}
	stCase249:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st250
		}
		goto tr24
	st250:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof250
		}
	stCase250:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st251
		}
		goto tr24
	st251:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof251
		}
	stCase251:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st252
		}
		goto tr24
	st252:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof252
		}
	stCase252:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st253
		}
		goto tr24
	st253:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof253
		}
	stCase253:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st254
		}
		goto tr24
	st254:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof254
		}
	stCase254:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st255
		}
		goto tr24
	st255:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof255
		}
	stCase255:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st256
		}
		goto tr24
	st256:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof256
		}
	stCase256:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st257
		}
		goto tr24
	st257:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof257
		}
	stCase257:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st258
		}
		goto tr24
	st258:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof258
		}
	stCase258:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st259
		}
		goto tr24
	st259:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof259
		}
	stCase259:
		if (m.data)[(m.p)] == 32 {
			goto tr26
		}
		goto tr24
	st260:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof260
		}
	stCase260:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st261
		}
		goto tr20
	st261:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof261
		}
	stCase261:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st262
		}
		goto tr20
	st262:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof262
		}
	stCase262:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st263
		}
		goto tr20
	st263:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof263
		}
	stCase263:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st264
		}
		goto tr20
	st264:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof264
		}
	stCase264:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st265
		}
		goto tr20
	st265:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof265
		}
	stCase265:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st266
		}
		goto tr20
	st266:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof266
		}
	stCase266:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st267
		}
		goto tr20
	st267:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof267
		}
	stCase267:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st268
		}
		goto tr20
	st268:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof268
		}
	stCase268:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st269
		}
		goto tr20
	st269:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof269
		}
	stCase269:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st270
		}
		goto tr20
	st270:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof270
		}
	stCase270:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st271
		}
		goto tr20
	st271:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof271
		}
	stCase271:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st272
		}
		goto tr20
	st272:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof272
		}
	stCase272:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st273
		}
		goto tr20
	st273:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof273
		}
	stCase273:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st274
		}
		goto tr20
	st274:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof274
		}
	stCase274:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st275
		}
		goto tr20
	st275:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof275
		}
	stCase275:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st276
		}
		goto tr20
	st276:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof276
		}
	stCase276:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st277
		}
		goto tr20
	st277:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof277
		}
	stCase277:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st278
		}
		goto tr20
	st278:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof278
		}
	stCase278:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st279
		}
		goto tr20
	st279:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof279
		}
	stCase279:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st280
		}
		goto tr20
	st280:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof280
		}
	stCase280:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st281
		}
		goto tr20
	st281:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof281
		}
	stCase281:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st282
		}
		goto tr20
	st282:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof282
		}
	stCase282:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st283
		}
		goto tr20
	st283:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof283
		}
	stCase283:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st284
		}
		goto tr20
	st284:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof284
		}
	stCase284:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st285
		}
		goto tr20
	st285:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof285
		}
	stCase285:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st286
		}
		goto tr20
	st286:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof286
		}
	stCase286:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st287
		}
		goto tr20
	st287:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof287
		}
	stCase287:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st288
		}
		goto tr20
	st288:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof288
		}
	stCase288:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st289
		}
		goto tr20
	st289:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof289
		}
	stCase289:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st290
		}
		goto tr20
	st290:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof290
		}
	stCase290:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st291
		}
		goto tr20
	st291:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof291
		}
	stCase291:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st292
		}
		goto tr20
	st292:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof292
		}
	stCase292:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st293
		}
		goto tr20
	st293:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof293
		}
	stCase293:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st294
		}
		goto tr20
	st294:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof294
		}
	stCase294:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st295
		}
		goto tr20
	st295:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof295
		}
	stCase295:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st296
		}
		goto tr20
	st296:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof296
		}
	stCase296:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st297
		}
		goto tr20
	st297:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof297
		}
	stCase297:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st298
		}
		goto tr20
	st298:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof298
		}
	stCase298:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st299
		}
		goto tr20
	st299:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof299
		}
	stCase299:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st300
		}
		goto tr20
	st300:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof300
		}
	stCase300:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st301
		}
		goto tr20
	st301:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof301
		}
	stCase301:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st302
		}
		goto tr20
	st302:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof302
		}
	stCase302:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st303
		}
		goto tr20
	st303:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof303
		}
	stCase303:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st304
		}
		goto tr20
	st304:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof304
		}
	stCase304:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st305
		}
		goto tr20
	st305:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof305
		}
	stCase305:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st306
		}
		goto tr20
	st306:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof306
		}
	stCase306:
		if (m.data)[(m.p)] == 32 {
			goto tr22
		}
		goto tr20
	st307:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof307
		}
	stCase307:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st308
		}
		goto tr16
	st308:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof308
		}
	stCase308:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st309
		}
		goto tr16
	st309:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof309
		}
	stCase309:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st310
		}
		goto tr16
	st310:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof310
		}
	stCase310:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st311
		}
		goto tr16
	st311:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof311
		}
	stCase311:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st312
		}
		goto tr16
	st312:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof312
		}
	stCase312:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st313
		}
		goto tr16
	st313:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof313
		}
	stCase313:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st314
		}
		goto tr16
	st314:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof314
		}
	stCase314:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st315
		}
		goto tr16
	st315:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof315
		}
	stCase315:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st316
		}
		goto tr16
	st316:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof316
		}
	stCase316:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st317
		}
		goto tr16
	st317:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof317
		}
	stCase317:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st318
		}
		goto tr16
	st318:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof318
		}
	stCase318:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st319
		}
		goto tr16
	st319:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof319
		}
	stCase319:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st320
		}
		goto tr16
	st320:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof320
		}
	stCase320:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st321
		}
		goto tr16
	st321:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof321
		}
	stCase321:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st322
		}
		goto tr16
	st322:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof322
		}
	stCase322:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st323
		}
		goto tr16
	st323:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof323
		}
	stCase323:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st324
		}
		goto tr16
	st324:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof324
		}
	stCase324:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st325
		}
		goto tr16
	st325:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof325
		}
	stCase325:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st326
		}
		goto tr16
	st326:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof326
		}
	stCase326:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st327
		}
		goto tr16
	st327:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof327
		}
	stCase327:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st328
		}
		goto tr16
	st328:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof328
		}
	stCase328:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st329
		}
		goto tr16
	st329:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof329
		}
	stCase329:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st330
		}
		goto tr16
	st330:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof330
		}
	stCase330:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st331
		}
		goto tr16
	st331:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof331
		}
	stCase331:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st332
		}
		goto tr16
	st332:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof332
		}
	stCase332:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st333
		}
		goto tr16
	st333:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof333
		}
	stCase333:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st334
		}
		goto tr16
	st334:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof334
		}
	stCase334:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st335
		}
		goto tr16
	st335:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof335
		}
	stCase335:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st336
		}
		goto tr16
	st336:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof336
		}
	stCase336:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st337
		}
		goto tr16
	st337:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof337
		}
	stCase337:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st338
		}
		goto tr16
	st338:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof338
		}
	stCase338:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st339
		}
		goto tr16
	st339:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof339
		}
	stCase339:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st340
		}
		goto tr16
	st340:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof340
		}
	stCase340:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st341
		}
		goto tr16
	st341:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof341
		}
	stCase341:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st342
		}
		goto tr16
	st342:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof342
		}
	stCase342:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st343
		}
		goto tr16
	st343:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof343
		}
	stCase343:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st344
		}
		goto tr16
	st344:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof344
		}
	stCase344:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st345
		}
		goto tr16
	st345:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof345
		}
	stCase345:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st346
		}
		goto tr16
	st346:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof346
		}
	stCase346:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st347
		}
		goto tr16
	st347:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof347
		}
	stCase347:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st348
		}
		goto tr16
	st348:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof348
		}
	stCase348:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st349
		}
		goto tr16
	st349:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof349
		}
	stCase349:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st350
		}
		goto tr16
	st350:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof350
		}
	stCase350:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st351
		}
		goto tr16
	st351:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof351
		}
	stCase351:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st352
		}
		goto tr16
	st352:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof352
		}
	stCase352:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st353
		}
		goto tr16
	st353:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof353
		}
	stCase353:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st354
		}
		goto tr16
	st354:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof354
		}
	stCase354:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st355
		}
		goto tr16
	st355:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof355
		}
	stCase355:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st356
		}
		goto tr16
	st356:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof356
		}
	stCase356:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st357
		}
		goto tr16
	st357:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof357
		}
	stCase357:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st358
		}
		goto tr16
	st358:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof358
		}
	stCase358:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st359
		}
		goto tr16
	st359:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof359
		}
	stCase359:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st360
		}
		goto tr16
	st360:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof360
		}
	stCase360:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st361
		}
		goto tr16
	st361:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof361
		}
	stCase361:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st362
		}
		goto tr16
	st362:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof362
		}
	stCase362:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st363
		}
		goto tr16
	st363:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof363
		}
	stCase363:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st364
		}
		goto tr16
	st364:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof364
		}
	stCase364:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st365
		}
		goto tr16
	st365:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof365
		}
	stCase365:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st366
		}
		goto tr16
	st366:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof366
		}
	stCase366:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st367
		}
		goto tr16
	st367:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof367
		}
	stCase367:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st368
		}
		goto tr16
	st368:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof368
		}
	stCase368:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st369
		}
		goto tr16
	st369:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof369
		}
	stCase369:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st370
		}
		goto tr16
	st370:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof370
		}
	stCase370:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st371
		}
		goto tr16
	st371:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof371
		}
	stCase371:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st372
		}
		goto tr16
	st372:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof372
		}
	stCase372:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st373
		}
		goto tr16
	st373:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof373
		}
	stCase373:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st374
		}
		goto tr16
	st374:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof374
		}
	stCase374:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st375
		}
		goto tr16
	st375:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof375
		}
	stCase375:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st376
		}
		goto tr16
	st376:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof376
		}
	stCase376:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st377
		}
		goto tr16
	st377:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof377
		}
	stCase377:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st378
		}
		goto tr16
	st378:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof378
		}
	stCase378:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st379
		}
		goto tr16
	st379:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof379
		}
	stCase379:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st380
		}
		goto tr16
	st380:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof380
		}
	stCase380:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st381
		}
		goto tr16
	st381:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof381
		}
	stCase381:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st382
		}
		goto tr16
	st382:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof382
		}
	stCase382:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st383
		}
		goto tr16
	st383:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof383
		}
	stCase383:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st384
		}
		goto tr16
	st384:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof384
		}
	stCase384:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st385
		}
		goto tr16
	st385:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof385
		}
	stCase385:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st386
		}
		goto tr16
	st386:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof386
		}
	stCase386:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st387
		}
		goto tr16
	st387:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof387
		}
	stCase387:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st388
		}
		goto tr16
	st388:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof388
		}
	stCase388:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st389
		}
		goto tr16
	st389:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof389
		}
	stCase389:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st390
		}
		goto tr16
	st390:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof390
		}
	stCase390:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st391
		}
		goto tr16
	st391:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof391
		}
	stCase391:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st392
		}
		goto tr16
	st392:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof392
		}
	stCase392:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st393
		}
		goto tr16
	st393:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof393
		}
	stCase393:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st394
		}
		goto tr16
	st394:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof394
		}
	stCase394:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st395
		}
		goto tr16
	st395:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof395
		}
	stCase395:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st396
		}
		goto tr16
	st396:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof396
		}
	stCase396:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st397
		}
		goto tr16
	st397:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof397
		}
	stCase397:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st398
		}
		goto tr16
	st398:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof398
		}
	stCase398:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st399
		}
		goto tr16
	st399:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof399
		}
	stCase399:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st400
		}
		goto tr16
	st400:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof400
		}
	stCase400:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st401
		}
		goto tr16
	st401:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof401
		}
	stCase401:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st402
		}
		goto tr16
	st402:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof402
		}
	stCase402:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st403
		}
		goto tr16
	st403:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof403
		}
	stCase403:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st404
		}
		goto tr16
	st404:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof404
		}
	stCase404:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st405
		}
		goto tr16
	st405:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof405
		}
	stCase405:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st406
		}
		goto tr16
	st406:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof406
		}
	stCase406:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st407
		}
		goto tr16
	st407:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof407
		}
	stCase407:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st408
		}
		goto tr16
	st408:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof408
		}
	stCase408:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st409
		}
		goto tr16
	st409:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof409
		}
	stCase409:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st410
		}
		goto tr16
	st410:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof410
		}
	stCase410:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st411
		}
		goto tr16
	st411:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof411
		}
	stCase411:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st412
		}
		goto tr16
	st412:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof412
		}
	stCase412:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st413
		}
		goto tr16
	st413:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof413
		}
	stCase413:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st414
		}
		goto tr16
	st414:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof414
		}
	stCase414:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st415
		}
		goto tr16
	st415:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof415
		}
	stCase415:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st416
		}
		goto tr16
	st416:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof416
		}
	stCase416:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st417
		}
		goto tr16
	st417:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof417
		}
	stCase417:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st418
		}
		goto tr16
	st418:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof418
		}
	stCase418:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st419
		}
		goto tr16
	st419:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof419
		}
	stCase419:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st420
		}
		goto tr16
	st420:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof420
		}
	stCase420:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st421
		}
		goto tr16
	st421:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof421
		}
	stCase421:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st422
		}
		goto tr16
	st422:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof422
		}
	stCase422:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st423
		}
		goto tr16
	st423:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof423
		}
	stCase423:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st424
		}
		goto tr16
	st424:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof424
		}
	stCase424:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st425
		}
		goto tr16
	st425:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof425
		}
	stCase425:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st426
		}
		goto tr16
	st426:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof426
		}
	stCase426:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st427
		}
		goto tr16
	st427:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof427
		}
	stCase427:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st428
		}
		goto tr16
	st428:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof428
		}
	stCase428:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st429
		}
		goto tr16
	st429:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof429
		}
	stCase429:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st430
		}
		goto tr16
	st430:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof430
		}
	stCase430:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st431
		}
		goto tr16
	st431:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof431
		}
	stCase431:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st432
		}
		goto tr16
	st432:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof432
		}
	stCase432:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st433
		}
		goto tr16
	st433:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof433
		}
	stCase433:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st434
		}
		goto tr16
	st434:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof434
		}
	stCase434:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st435
		}
		goto tr16
	st435:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof435
		}
	stCase435:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st436
		}
		goto tr16
	st436:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof436
		}
	stCase436:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st437
		}
		goto tr16
	st437:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof437
		}
	stCase437:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st438
		}
		goto tr16
	st438:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof438
		}
	stCase438:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st439
		}
		goto tr16
	st439:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof439
		}
	stCase439:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st440
		}
		goto tr16
	st440:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof440
		}
	stCase440:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st441
		}
		goto tr16
	st441:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof441
		}
	stCase441:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st442
		}
		goto tr16
	st442:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof442
		}
	stCase442:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st443
		}
		goto tr16
	st443:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof443
		}
	stCase443:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st444
		}
		goto tr16
	st444:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof444
		}
	stCase444:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st445
		}
		goto tr16
	st445:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof445
		}
	stCase445:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st446
		}
		goto tr16
	st446:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof446
		}
	stCase446:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st447
		}
		goto tr16
	st447:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof447
		}
	stCase447:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st448
		}
		goto tr16
	st448:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof448
		}
	stCase448:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st449
		}
		goto tr16
	st449:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof449
		}
	stCase449:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st450
		}
		goto tr16
	st450:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof450
		}
	stCase450:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st451
		}
		goto tr16
	st451:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof451
		}
	stCase451:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st452
		}
		goto tr16
	st452:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof452
		}
	stCase452:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st453
		}
		goto tr16
	st453:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof453
		}
	stCase453:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st454
		}
		goto tr16
	st454:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof454
		}
	stCase454:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st455
		}
		goto tr16
	st455:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof455
		}
	stCase455:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st456
		}
		goto tr16
	st456:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof456
		}
	stCase456:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st457
		}
		goto tr16
	st457:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof457
		}
	stCase457:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st458
		}
		goto tr16
	st458:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof458
		}
	stCase458:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st459
		}
		goto tr16
	st459:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof459
		}
	stCase459:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st460
		}
		goto tr16
	st460:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof460
		}
	stCase460:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st461
		}
		goto tr16
	st461:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof461
		}
	stCase461:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st462
		}
		goto tr16
	st462:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof462
		}
	stCase462:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st463
		}
		goto tr16
	st463:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof463
		}
	stCase463:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st464
		}
		goto tr16
	st464:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof464
		}
	stCase464:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st465
		}
		goto tr16
	st465:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof465
		}
	stCase465:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st466
		}
		goto tr16
	st466:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof466
		}
	stCase466:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st467
		}
		goto tr16
	st467:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof467
		}
	stCase467:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st468
		}
		goto tr16
	st468:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof468
		}
	stCase468:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st469
		}
		goto tr16
	st469:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof469
		}
	stCase469:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st470
		}
		goto tr16
	st470:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof470
		}
	stCase470:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st471
		}
		goto tr16
	st471:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof471
		}
	stCase471:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st472
		}
		goto tr16
	st472:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof472
		}
	stCase472:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st473
		}
		goto tr16
	st473:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof473
		}
	stCase473:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st474
		}
		goto tr16
	st474:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof474
		}
	stCase474:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st475
		}
		goto tr16
	st475:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof475
		}
	stCase475:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st476
		}
		goto tr16
	st476:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof476
		}
	stCase476:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st477
		}
		goto tr16
	st477:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof477
		}
	stCase477:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st478
		}
		goto tr16
	st478:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof478
		}
	stCase478:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st479
		}
		goto tr16
	st479:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof479
		}
	stCase479:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st480
		}
		goto tr16
	st480:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof480
		}
	stCase480:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st481
		}
		goto tr16
	st481:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof481
		}
	stCase481:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st482
		}
		goto tr16
	st482:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof482
		}
	stCase482:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st483
		}
		goto tr16
	st483:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof483
		}
	stCase483:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st484
		}
		goto tr16
	st484:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof484
		}
	stCase484:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st485
		}
		goto tr16
	st485:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof485
		}
	stCase485:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st486
		}
		goto tr16
	st486:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof486
		}
	stCase486:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st487
		}
		goto tr16
	st487:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof487
		}
	stCase487:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st488
		}
		goto tr16
	st488:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof488
		}
	stCase488:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st489
		}
		goto tr16
	st489:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof489
		}
	stCase489:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st490
		}
		goto tr16
	st490:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof490
		}
	stCase490:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st491
		}
		goto tr16
	st491:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof491
		}
	stCase491:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st492
		}
		goto tr16
	st492:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof492
		}
	stCase492:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st493
		}
		goto tr16
	st493:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof493
		}
	stCase493:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st494
		}
		goto tr16
	st494:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof494
		}
	stCase494:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st495
		}
		goto tr16
	st495:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof495
		}
	stCase495:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st496
		}
		goto tr16
	st496:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof496
		}
	stCase496:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st497
		}
		goto tr16
	st497:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof497
		}
	stCase497:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st498
		}
		goto tr16
	st498:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof498
		}
	stCase498:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st499
		}
		goto tr16
	st499:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof499
		}
	stCase499:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st500
		}
		goto tr16
	st500:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof500
		}
	stCase500:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st501
		}
		goto tr16
	st501:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof501
		}
	stCase501:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st502
		}
		goto tr16
	st502:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof502
		}
	stCase502:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st503
		}
		goto tr16
	st503:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof503
		}
	stCase503:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st504
		}
		goto tr16
	st504:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof504
		}
	stCase504:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st505
		}
		goto tr16
	st505:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof505
		}
	stCase505:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st506
		}
		goto tr16
	st506:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof506
		}
	stCase506:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st507
		}
		goto tr16
	st507:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof507
		}
	stCase507:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st508
		}
		goto tr16
	st508:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof508
		}
	stCase508:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st509
		}
		goto tr16
	st509:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof509
		}
	stCase509:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st510
		}
		goto tr16
	st510:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof510
		}
	stCase510:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st511
		}
		goto tr16
	st511:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof511
		}
	stCase511:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st512
		}
		goto tr16
	st512:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof512
		}
	stCase512:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st513
		}
		goto tr16
	st513:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof513
		}
	stCase513:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st514
		}
		goto tr16
	st514:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof514
		}
	stCase514:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st515
		}
		goto tr16
	st515:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof515
		}
	stCase515:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st516
		}
		goto tr16
	st516:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof516
		}
	stCase516:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st517
		}
		goto tr16
	st517:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof517
		}
	stCase517:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st518
		}
		goto tr16
	st518:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof518
		}
	stCase518:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st519
		}
		goto tr16
	st519:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof519
		}
	stCase519:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st520
		}
		goto tr16
	st520:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof520
		}
	stCase520:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st521
		}
		goto tr16
	st521:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof521
		}
	stCase521:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st522
		}
		goto tr16
	st522:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof522
		}
	stCase522:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st523
		}
		goto tr16
	st523:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof523
		}
	stCase523:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st524
		}
		goto tr16
	st524:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof524
		}
	stCase524:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st525
		}
		goto tr16
	st525:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof525
		}
	stCase525:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st526
		}
		goto tr16
	st526:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof526
		}
	stCase526:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st527
		}
		goto tr16
	st527:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof527
		}
	stCase527:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st528
		}
		goto tr16
	st528:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof528
		}
	stCase528:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st529
		}
		goto tr16
	st529:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof529
		}
	stCase529:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st530
		}
		goto tr16
	st530:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof530
		}
	stCase530:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st531
		}
		goto tr16
	st531:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof531
		}
	stCase531:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st532
		}
		goto tr16
	st532:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof532
		}
	stCase532:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st533
		}
		goto tr16
	st533:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof533
		}
	stCase533:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st534
		}
		goto tr16
	st534:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof534
		}
	stCase534:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st535
		}
		goto tr16
	st535:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof535
		}
	stCase535:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st536
		}
		goto tr16
	st536:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof536
		}
	stCase536:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st537
		}
		goto tr16
	st537:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof537
		}
	stCase537:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st538
		}
		goto tr16
	st538:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof538
		}
	stCase538:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st539
		}
		goto tr16
	st539:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof539
		}
	stCase539:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st540
		}
		goto tr16
	st540:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof540
		}
	stCase540:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st541
		}
		goto tr16
	st541:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof541
		}
	stCase541:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st542
		}
		goto tr16
	st542:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof542
		}
	stCase542:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st543
		}
		goto tr16
	st543:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof543
		}
	stCase543:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st544
		}
		goto tr16
	st544:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof544
		}
	stCase544:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st545
		}
		goto tr16
	st545:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof545
		}
	stCase545:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st546
		}
		goto tr16
	st546:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof546
		}
	stCase546:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st547
		}
		goto tr16
	st547:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof547
		}
	stCase547:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st548
		}
		goto tr16
	st548:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof548
		}
	stCase548:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st549
		}
		goto tr16
	st549:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof549
		}
	stCase549:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st550
		}
		goto tr16
	st550:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof550
		}
	stCase550:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st551
		}
		goto tr16
	st551:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof551
		}
	stCase551:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st552
		}
		goto tr16
	st552:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof552
		}
	stCase552:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st553
		}
		goto tr16
	st553:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof553
		}
	stCase553:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st554
		}
		goto tr16
	st554:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof554
		}
	stCase554:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st555
		}
		goto tr16
	st555:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof555
		}
	stCase555:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st556
		}
		goto tr16
	st556:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof556
		}
	stCase556:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st557
		}
		goto tr16
	st557:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof557
		}
	stCase557:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st558
		}
		goto tr16
	st558:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof558
		}
	stCase558:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st559
		}
		goto tr16
	st559:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof559
		}
	stCase559:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		if 33 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 126 {
			goto st560
		}
		goto tr16
	st560:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof560
		}
	stCase560:
		if (m.data)[(m.p)] == 32 {
			goto tr18
		}
		goto tr16
	tr14:

		m.pb = m.p

		goto st561
	st561:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof561
		}
	stCase561:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st562
		}
		goto tr12
	st562:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof562
		}
	stCase562:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st563
		}
		goto tr12
	st563:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof563
		}
	stCase563:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st564
		}
		goto tr12
	st564:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof564
		}
	stCase564:
		if (m.data)[(m.p)] == 45 {
			goto st565
		}
		goto tr12
	st565:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof565
		}
	stCase565:
		switch (m.data)[(m.p)] {
		case 48:
			goto st566
		case 49:
			goto st597
		}
		goto tr12
	st566:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof566
		}
	stCase566:
		if 49 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st567
		}
		goto tr12
	st567:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof567
		}
	stCase567:
		if (m.data)[(m.p)] == 45 {
			goto st568
		}
		goto tr12
	st568:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof568
		}
	stCase568:
		switch (m.data)[(m.p)] {
		case 48:
			goto st569
		case 51:
			goto st596
		}
		if 49 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 50 {
			goto st595
		}
		goto tr12
	st569:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof569
		}
	stCase569:
		if 49 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st570
		}
		goto tr12
	st570:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof570
		}
	stCase570:
		if (m.data)[(m.p)] == 84 {
			goto st571
		}
		goto tr12
	st571:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof571
		}
	stCase571:
		if (m.data)[(m.p)] == 50 {
			goto st594
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 49 {
			goto st572
		}
		goto tr12
	st572:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof572
		}
	stCase572:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st573
		}
		goto tr12
	st573:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof573
		}
	stCase573:
		if (m.data)[(m.p)] == 58 {
			goto st574
		}
		goto tr12
	st574:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof574
		}
	stCase574:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 53 {
			goto st575
		}
		goto tr12
	st575:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof575
		}
	stCase575:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st576
		}
		goto tr12
	st576:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof576
		}
	stCase576:
		if (m.data)[(m.p)] == 58 {
			goto st577
		}
		goto tr12
	st577:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof577
		}
	stCase577:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 53 {
			goto st578
		}
		goto tr12
	st578:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof578
		}
	stCase578:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st579
		}
		goto tr12
	st579:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof579
		}
	stCase579:
		switch (m.data)[(m.p)] {
		case 43:
			goto st580
		case 45:
			goto st580
		case 46:
			goto st587
		case 90:
			goto st585
		}
		goto tr12
	st580:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof580
		}
	stCase580:
		if (m.data)[(m.p)] == 50 {
			goto st586
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 49 {
			goto st581
		}
		goto tr12
	st581:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof581
		}
	stCase581:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st582
		}
		goto tr12
	st582:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof582
		}
	stCase582:
		if (m.data)[(m.p)] == 58 {
			goto st583
		}
		goto tr12
	st583:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof583
		}
	stCase583:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 53 {
			goto st584
		}
		goto tr12
	st584:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof584
		}
	stCase584:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st585
		}
		goto tr12
	st585:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof585
		}
	stCase585:
		if (m.data)[(m.p)] == 32 {
			goto tr620
		}
		goto tr619
	st586:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof586
		}
	stCase586:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 51 {
			goto st582
		}
		goto tr12
	st587:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof587
		}
	stCase587:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st588
		}
		goto tr12
	st588:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof588
		}
	stCase588:
		switch (m.data)[(m.p)] {
		case 43:
			goto st580
		case 45:
			goto st580
		case 90:
			goto st585
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st589
		}
		goto tr12
	st589:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof589
		}
	stCase589:
		switch (m.data)[(m.p)] {
		case 43:
			goto st580
		case 45:
			goto st580
		case 90:
			goto st585
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st590
		}
		goto tr12
	st590:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof590
		}
	stCase590:
		switch (m.data)[(m.p)] {
		case 43:
			goto st580
		case 45:
			goto st580
		case 90:
			goto st585
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st591
		}
		goto tr12
	st591:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof591
		}
	stCase591:
		switch (m.data)[(m.p)] {
		case 43:
			goto st580
		case 45:
			goto st580
		case 90:
			goto st585
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st592
		}
		goto tr12
	st592:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof592
		}
	stCase592:
		switch (m.data)[(m.p)] {
		case 43:
			goto st580
		case 45:
			goto st580
		case 90:
			goto st585
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st593
		}
		goto tr12
	st593:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof593
		}
	stCase593:
		switch (m.data)[(m.p)] {
		case 43:
			goto st580
		case 45:
			goto st580
		case 90:
			goto st585
		}
		goto tr12
	st594:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof594
		}
	stCase594:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 51 {
			goto st573
		}
		goto tr12
	st595:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof595
		}
	stCase595:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st570
		}
		goto tr12
	st596:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof596
		}
	stCase596:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 49 {
			goto st570
		}
		goto tr12
	st597:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof597
		}
	stCase597:
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 50 {
			goto st567
		}
		goto tr12
	st598:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof598
		}
	stCase598:

		output.version = uint16(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))

		if (m.data)[(m.p)] == 32 {
			goto st6
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st599
		}
		goto tr7
	st599:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof599
		}
	stCase599:

		output.version = uint16(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))

		if (m.data)[(m.p)] == 32 {
			goto st6
		}
		goto tr7
	tr4:

		m.pb = m.p

		goto st600
	st600:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof600
		}
	stCase600:

		output.priority = uint8(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))
		output.prioritySet = true

		switch (m.data)[(m.p)] {
		case 57:
			goto st602
		case 62:
			goto st4
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 56 {
			goto st601
		}
		goto tr2
	tr5:

		m.pb = m.p

		goto st601
	st601:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof601
		}
	stCase601:

		output.priority = uint8(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))
		output.prioritySet = true

		if (m.data)[(m.p)] == 62 {
			goto st4
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 57 {
			goto st3
		}
		goto tr2
	st602:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof602
		}
	stCase602:

		output.priority = uint8(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))
		output.prioritySet = true

		if (m.data)[(m.p)] == 62 {
			goto st4
		}
		if 48 <= (m.data)[(m.p)] && (m.data)[(m.p)] <= 49 {
			goto st3
		}
		goto tr2
	st607:
		if (m.p)++; (m.p) == (m.pe) {
			goto _testEof607
		}
	stCase607:
		switch (m.data)[(m.p)] {
		case 10:
			goto st0
		case 13:
			goto st0
		}
		goto st607
	stOut:
	_testEof2:
		m.cs = 2
		goto _testEof
	_testEof3:
		m.cs = 3
		goto _testEof
	_testEof4:
		m.cs = 4
		goto _testEof
	_testEof5:
		m.cs = 5
		goto _testEof
	_testEof6:
		m.cs = 6
		goto _testEof
	_testEof7:
		m.cs = 7
		goto _testEof
	_testEof8:
		m.cs = 8
		goto _testEof
	_testEof9:
		m.cs = 9
		goto _testEof
	_testEof10:
		m.cs = 10
		goto _testEof
	_testEof11:
		m.cs = 11
		goto _testEof
	_testEof12:
		m.cs = 12
		goto _testEof
	_testEof13:
		m.cs = 13
		goto _testEof
	_testEof14:
		m.cs = 14
		goto _testEof
	_testEof15:
		m.cs = 15
		goto _testEof
	_testEof16:
		m.cs = 16
		goto _testEof
	_testEof603:
		m.cs = 603
		goto _testEof
	_testEof604:
		m.cs = 604
		goto _testEof
	_testEof605:
		m.cs = 605
		goto _testEof
	_testEof17:
		m.cs = 17
		goto _testEof
	_testEof18:
		m.cs = 18
		goto _testEof
	_testEof19:
		m.cs = 19
		goto _testEof
	_testEof20:
		m.cs = 20
		goto _testEof
	_testEof21:
		m.cs = 21
		goto _testEof
	_testEof22:
		m.cs = 22
		goto _testEof
	_testEof23:
		m.cs = 23
		goto _testEof
	_testEof24:
		m.cs = 24
		goto _testEof
	_testEof25:
		m.cs = 25
		goto _testEof
	_testEof26:
		m.cs = 26
		goto _testEof
	_testEof27:
		m.cs = 27
		goto _testEof
	_testEof28:
		m.cs = 28
		goto _testEof
	_testEof29:
		m.cs = 29
		goto _testEof
	_testEof30:
		m.cs = 30
		goto _testEof
	_testEof31:
		m.cs = 31
		goto _testEof
	_testEof32:
		m.cs = 32
		goto _testEof
	_testEof33:
		m.cs = 33
		goto _testEof
	_testEof34:
		m.cs = 34
		goto _testEof
	_testEof35:
		m.cs = 35
		goto _testEof
	_testEof36:
		m.cs = 36
		goto _testEof
	_testEof37:
		m.cs = 37
		goto _testEof
	_testEof38:
		m.cs = 38
		goto _testEof
	_testEof39:
		m.cs = 39
		goto _testEof
	_testEof40:
		m.cs = 40
		goto _testEof
	_testEof41:
		m.cs = 41
		goto _testEof
	_testEof42:
		m.cs = 42
		goto _testEof
	_testEof43:
		m.cs = 43
		goto _testEof
	_testEof44:
		m.cs = 44
		goto _testEof
	_testEof45:
		m.cs = 45
		goto _testEof
	_testEof46:
		m.cs = 46
		goto _testEof
	_testEof47:
		m.cs = 47
		goto _testEof
	_testEof48:
		m.cs = 48
		goto _testEof
	_testEof49:
		m.cs = 49
		goto _testEof
	_testEof50:
		m.cs = 50
		goto _testEof
	_testEof51:
		m.cs = 51
		goto _testEof
	_testEof52:
		m.cs = 52
		goto _testEof
	_testEof53:
		m.cs = 53
		goto _testEof
	_testEof54:
		m.cs = 54
		goto _testEof
	_testEof55:
		m.cs = 55
		goto _testEof
	_testEof56:
		m.cs = 56
		goto _testEof
	_testEof57:
		m.cs = 57
		goto _testEof
	_testEof58:
		m.cs = 58
		goto _testEof
	_testEof59:
		m.cs = 59
		goto _testEof
	_testEof60:
		m.cs = 60
		goto _testEof
	_testEof61:
		m.cs = 61
		goto _testEof
	_testEof62:
		m.cs = 62
		goto _testEof
	_testEof606:
		m.cs = 606
		goto _testEof
	_testEof63:
		m.cs = 63
		goto _testEof
	_testEof64:
		m.cs = 64
		goto _testEof
	_testEof65:
		m.cs = 65
		goto _testEof
	_testEof66:
		m.cs = 66
		goto _testEof
	_testEof67:
		m.cs = 67
		goto _testEof
	_testEof68:
		m.cs = 68
		goto _testEof
	_testEof69:
		m.cs = 69
		goto _testEof
	_testEof70:
		m.cs = 70
		goto _testEof
	_testEof71:
		m.cs = 71
		goto _testEof
	_testEof72:
		m.cs = 72
		goto _testEof
	_testEof73:
		m.cs = 73
		goto _testEof
	_testEof74:
		m.cs = 74
		goto _testEof
	_testEof75:
		m.cs = 75
		goto _testEof
	_testEof76:
		m.cs = 76
		goto _testEof
	_testEof77:
		m.cs = 77
		goto _testEof
	_testEof78:
		m.cs = 78
		goto _testEof
	_testEof79:
		m.cs = 79
		goto _testEof
	_testEof80:
		m.cs = 80
		goto _testEof
	_testEof81:
		m.cs = 81
		goto _testEof
	_testEof82:
		m.cs = 82
		goto _testEof
	_testEof83:
		m.cs = 83
		goto _testEof
	_testEof84:
		m.cs = 84
		goto _testEof
	_testEof85:
		m.cs = 85
		goto _testEof
	_testEof86:
		m.cs = 86
		goto _testEof
	_testEof87:
		m.cs = 87
		goto _testEof
	_testEof88:
		m.cs = 88
		goto _testEof
	_testEof89:
		m.cs = 89
		goto _testEof
	_testEof90:
		m.cs = 90
		goto _testEof
	_testEof91:
		m.cs = 91
		goto _testEof
	_testEof92:
		m.cs = 92
		goto _testEof
	_testEof93:
		m.cs = 93
		goto _testEof
	_testEof94:
		m.cs = 94
		goto _testEof
	_testEof95:
		m.cs = 95
		goto _testEof
	_testEof96:
		m.cs = 96
		goto _testEof
	_testEof97:
		m.cs = 97
		goto _testEof
	_testEof98:
		m.cs = 98
		goto _testEof
	_testEof99:
		m.cs = 99
		goto _testEof
	_testEof100:
		m.cs = 100
		goto _testEof
	_testEof101:
		m.cs = 101
		goto _testEof
	_testEof102:
		m.cs = 102
		goto _testEof
	_testEof103:
		m.cs = 103
		goto _testEof
	_testEof104:
		m.cs = 104
		goto _testEof
	_testEof105:
		m.cs = 105
		goto _testEof
	_testEof106:
		m.cs = 106
		goto _testEof
	_testEof107:
		m.cs = 107
		goto _testEof
	_testEof108:
		m.cs = 108
		goto _testEof
	_testEof109:
		m.cs = 109
		goto _testEof
	_testEof110:
		m.cs = 110
		goto _testEof
	_testEof111:
		m.cs = 111
		goto _testEof
	_testEof112:
		m.cs = 112
		goto _testEof
	_testEof113:
		m.cs = 113
		goto _testEof
	_testEof114:
		m.cs = 114
		goto _testEof
	_testEof115:
		m.cs = 115
		goto _testEof
	_testEof116:
		m.cs = 116
		goto _testEof
	_testEof117:
		m.cs = 117
		goto _testEof
	_testEof118:
		m.cs = 118
		goto _testEof
	_testEof119:
		m.cs = 119
		goto _testEof
	_testEof120:
		m.cs = 120
		goto _testEof
	_testEof121:
		m.cs = 121
		goto _testEof
	_testEof122:
		m.cs = 122
		goto _testEof
	_testEof123:
		m.cs = 123
		goto _testEof
	_testEof124:
		m.cs = 124
		goto _testEof
	_testEof125:
		m.cs = 125
		goto _testEof
	_testEof126:
		m.cs = 126
		goto _testEof
	_testEof127:
		m.cs = 127
		goto _testEof
	_testEof128:
		m.cs = 128
		goto _testEof
	_testEof129:
		m.cs = 129
		goto _testEof
	_testEof130:
		m.cs = 130
		goto _testEof
	_testEof131:
		m.cs = 131
		goto _testEof
	_testEof132:
		m.cs = 132
		goto _testEof
	_testEof133:
		m.cs = 133
		goto _testEof
	_testEof134:
		m.cs = 134
		goto _testEof
	_testEof135:
		m.cs = 135
		goto _testEof
	_testEof136:
		m.cs = 136
		goto _testEof
	_testEof137:
		m.cs = 137
		goto _testEof
	_testEof138:
		m.cs = 138
		goto _testEof
	_testEof139:
		m.cs = 139
		goto _testEof
	_testEof140:
		m.cs = 140
		goto _testEof
	_testEof141:
		m.cs = 141
		goto _testEof
	_testEof142:
		m.cs = 142
		goto _testEof
	_testEof143:
		m.cs = 143
		goto _testEof
	_testEof144:
		m.cs = 144
		goto _testEof
	_testEof145:
		m.cs = 145
		goto _testEof
	_testEof146:
		m.cs = 146
		goto _testEof
	_testEof147:
		m.cs = 147
		goto _testEof
	_testEof148:
		m.cs = 148
		goto _testEof
	_testEof149:
		m.cs = 149
		goto _testEof
	_testEof150:
		m.cs = 150
		goto _testEof
	_testEof151:
		m.cs = 151
		goto _testEof
	_testEof152:
		m.cs = 152
		goto _testEof
	_testEof153:
		m.cs = 153
		goto _testEof
	_testEof154:
		m.cs = 154
		goto _testEof
	_testEof155:
		m.cs = 155
		goto _testEof
	_testEof156:
		m.cs = 156
		goto _testEof
	_testEof157:
		m.cs = 157
		goto _testEof
	_testEof158:
		m.cs = 158
		goto _testEof
	_testEof159:
		m.cs = 159
		goto _testEof
	_testEof160:
		m.cs = 160
		goto _testEof
	_testEof161:
		m.cs = 161
		goto _testEof
	_testEof162:
		m.cs = 162
		goto _testEof
	_testEof163:
		m.cs = 163
		goto _testEof
	_testEof164:
		m.cs = 164
		goto _testEof
	_testEof165:
		m.cs = 165
		goto _testEof
	_testEof166:
		m.cs = 166
		goto _testEof
	_testEof167:
		m.cs = 167
		goto _testEof
	_testEof168:
		m.cs = 168
		goto _testEof
	_testEof169:
		m.cs = 169
		goto _testEof
	_testEof170:
		m.cs = 170
		goto _testEof
	_testEof171:
		m.cs = 171
		goto _testEof
	_testEof172:
		m.cs = 172
		goto _testEof
	_testEof173:
		m.cs = 173
		goto _testEof
	_testEof174:
		m.cs = 174
		goto _testEof
	_testEof175:
		m.cs = 175
		goto _testEof
	_testEof176:
		m.cs = 176
		goto _testEof
	_testEof177:
		m.cs = 177
		goto _testEof
	_testEof178:
		m.cs = 178
		goto _testEof
	_testEof179:
		m.cs = 179
		goto _testEof
	_testEof180:
		m.cs = 180
		goto _testEof
	_testEof181:
		m.cs = 181
		goto _testEof
	_testEof182:
		m.cs = 182
		goto _testEof
	_testEof183:
		m.cs = 183
		goto _testEof
	_testEof184:
		m.cs = 184
		goto _testEof
	_testEof185:
		m.cs = 185
		goto _testEof
	_testEof186:
		m.cs = 186
		goto _testEof
	_testEof187:
		m.cs = 187
		goto _testEof
	_testEof188:
		m.cs = 188
		goto _testEof
	_testEof189:
		m.cs = 189
		goto _testEof
	_testEof190:
		m.cs = 190
		goto _testEof
	_testEof191:
		m.cs = 191
		goto _testEof
	_testEof192:
		m.cs = 192
		goto _testEof
	_testEof193:
		m.cs = 193
		goto _testEof
	_testEof194:
		m.cs = 194
		goto _testEof
	_testEof195:
		m.cs = 195
		goto _testEof
	_testEof196:
		m.cs = 196
		goto _testEof
	_testEof197:
		m.cs = 197
		goto _testEof
	_testEof198:
		m.cs = 198
		goto _testEof
	_testEof199:
		m.cs = 199
		goto _testEof
	_testEof200:
		m.cs = 200
		goto _testEof
	_testEof201:
		m.cs = 201
		goto _testEof
	_testEof202:
		m.cs = 202
		goto _testEof
	_testEof203:
		m.cs = 203
		goto _testEof
	_testEof204:
		m.cs = 204
		goto _testEof
	_testEof205:
		m.cs = 205
		goto _testEof
	_testEof206:
		m.cs = 206
		goto _testEof
	_testEof207:
		m.cs = 207
		goto _testEof
	_testEof208:
		m.cs = 208
		goto _testEof
	_testEof209:
		m.cs = 209
		goto _testEof
	_testEof210:
		m.cs = 210
		goto _testEof
	_testEof211:
		m.cs = 211
		goto _testEof
	_testEof212:
		m.cs = 212
		goto _testEof
	_testEof213:
		m.cs = 213
		goto _testEof
	_testEof214:
		m.cs = 214
		goto _testEof
	_testEof215:
		m.cs = 215
		goto _testEof
	_testEof216:
		m.cs = 216
		goto _testEof
	_testEof217:
		m.cs = 217
		goto _testEof
	_testEof218:
		m.cs = 218
		goto _testEof
	_testEof219:
		m.cs = 219
		goto _testEof
	_testEof220:
		m.cs = 220
		goto _testEof
	_testEof221:
		m.cs = 221
		goto _testEof
	_testEof222:
		m.cs = 222
		goto _testEof
	_testEof223:
		m.cs = 223
		goto _testEof
	_testEof224:
		m.cs = 224
		goto _testEof
	_testEof225:
		m.cs = 225
		goto _testEof
	_testEof226:
		m.cs = 226
		goto _testEof
	_testEof227:
		m.cs = 227
		goto _testEof
	_testEof228:
		m.cs = 228
		goto _testEof
	_testEof229:
		m.cs = 229
		goto _testEof
	_testEof230:
		m.cs = 230
		goto _testEof
	_testEof231:
		m.cs = 231
		goto _testEof
	_testEof232:
		m.cs = 232
		goto _testEof
	_testEof233:
		m.cs = 233
		goto _testEof
	_testEof234:
		m.cs = 234
		goto _testEof
	_testEof235:
		m.cs = 235
		goto _testEof
	_testEof236:
		m.cs = 236
		goto _testEof
	_testEof237:
		m.cs = 237
		goto _testEof
	_testEof238:
		m.cs = 238
		goto _testEof
	_testEof239:
		m.cs = 239
		goto _testEof
	_testEof240:
		m.cs = 240
		goto _testEof
	_testEof241:
		m.cs = 241
		goto _testEof
	_testEof242:
		m.cs = 242
		goto _testEof
	_testEof243:
		m.cs = 243
		goto _testEof
	_testEof244:
		m.cs = 244
		goto _testEof
	_testEof245:
		m.cs = 245
		goto _testEof
	_testEof246:
		m.cs = 246
		goto _testEof
	_testEof247:
		m.cs = 247
		goto _testEof
	_testEof248:
		m.cs = 248
		goto _testEof
	_testEof249:
		m.cs = 249
		goto _testEof
	_testEof250:
		m.cs = 250
		goto _testEof
	_testEof251:
		m.cs = 251
		goto _testEof
	_testEof252:
		m.cs = 252
		goto _testEof
	_testEof253:
		m.cs = 253
		goto _testEof
	_testEof254:
		m.cs = 254
		goto _testEof
	_testEof255:
		m.cs = 255
		goto _testEof
	_testEof256:
		m.cs = 256
		goto _testEof
	_testEof257:
		m.cs = 257
		goto _testEof
	_testEof258:
		m.cs = 258
		goto _testEof
	_testEof259:
		m.cs = 259
		goto _testEof
	_testEof260:
		m.cs = 260
		goto _testEof
	_testEof261:
		m.cs = 261
		goto _testEof
	_testEof262:
		m.cs = 262
		goto _testEof
	_testEof263:
		m.cs = 263
		goto _testEof
	_testEof264:
		m.cs = 264
		goto _testEof
	_testEof265:
		m.cs = 265
		goto _testEof
	_testEof266:
		m.cs = 266
		goto _testEof
	_testEof267:
		m.cs = 267
		goto _testEof
	_testEof268:
		m.cs = 268
		goto _testEof
	_testEof269:
		m.cs = 269
		goto _testEof
	_testEof270:
		m.cs = 270
		goto _testEof
	_testEof271:
		m.cs = 271
		goto _testEof
	_testEof272:
		m.cs = 272
		goto _testEof
	_testEof273:
		m.cs = 273
		goto _testEof
	_testEof274:
		m.cs = 274
		goto _testEof
	_testEof275:
		m.cs = 275
		goto _testEof
	_testEof276:
		m.cs = 276
		goto _testEof
	_testEof277:
		m.cs = 277
		goto _testEof
	_testEof278:
		m.cs = 278
		goto _testEof
	_testEof279:
		m.cs = 279
		goto _testEof
	_testEof280:
		m.cs = 280
		goto _testEof
	_testEof281:
		m.cs = 281
		goto _testEof
	_testEof282:
		m.cs = 282
		goto _testEof
	_testEof283:
		m.cs = 283
		goto _testEof
	_testEof284:
		m.cs = 284
		goto _testEof
	_testEof285:
		m.cs = 285
		goto _testEof
	_testEof286:
		m.cs = 286
		goto _testEof
	_testEof287:
		m.cs = 287
		goto _testEof
	_testEof288:
		m.cs = 288
		goto _testEof
	_testEof289:
		m.cs = 289
		goto _testEof
	_testEof290:
		m.cs = 290
		goto _testEof
	_testEof291:
		m.cs = 291
		goto _testEof
	_testEof292:
		m.cs = 292
		goto _testEof
	_testEof293:
		m.cs = 293
		goto _testEof
	_testEof294:
		m.cs = 294
		goto _testEof
	_testEof295:
		m.cs = 295
		goto _testEof
	_testEof296:
		m.cs = 296
		goto _testEof
	_testEof297:
		m.cs = 297
		goto _testEof
	_testEof298:
		m.cs = 298
		goto _testEof
	_testEof299:
		m.cs = 299
		goto _testEof
	_testEof300:
		m.cs = 300
		goto _testEof
	_testEof301:
		m.cs = 301
		goto _testEof
	_testEof302:
		m.cs = 302
		goto _testEof
	_testEof303:
		m.cs = 303
		goto _testEof
	_testEof304:
		m.cs = 304
		goto _testEof
	_testEof305:
		m.cs = 305
		goto _testEof
	_testEof306:
		m.cs = 306
		goto _testEof
	_testEof307:
		m.cs = 307
		goto _testEof
	_testEof308:
		m.cs = 308
		goto _testEof
	_testEof309:
		m.cs = 309
		goto _testEof
	_testEof310:
		m.cs = 310
		goto _testEof
	_testEof311:
		m.cs = 311
		goto _testEof
	_testEof312:
		m.cs = 312
		goto _testEof
	_testEof313:
		m.cs = 313
		goto _testEof
	_testEof314:
		m.cs = 314
		goto _testEof
	_testEof315:
		m.cs = 315
		goto _testEof
	_testEof316:
		m.cs = 316
		goto _testEof
	_testEof317:
		m.cs = 317
		goto _testEof
	_testEof318:
		m.cs = 318
		goto _testEof
	_testEof319:
		m.cs = 319
		goto _testEof
	_testEof320:
		m.cs = 320
		goto _testEof
	_testEof321:
		m.cs = 321
		goto _testEof
	_testEof322:
		m.cs = 322
		goto _testEof
	_testEof323:
		m.cs = 323
		goto _testEof
	_testEof324:
		m.cs = 324
		goto _testEof
	_testEof325:
		m.cs = 325
		goto _testEof
	_testEof326:
		m.cs = 326
		goto _testEof
	_testEof327:
		m.cs = 327
		goto _testEof
	_testEof328:
		m.cs = 328
		goto _testEof
	_testEof329:
		m.cs = 329
		goto _testEof
	_testEof330:
		m.cs = 330
		goto _testEof
	_testEof331:
		m.cs = 331
		goto _testEof
	_testEof332:
		m.cs = 332
		goto _testEof
	_testEof333:
		m.cs = 333
		goto _testEof
	_testEof334:
		m.cs = 334
		goto _testEof
	_testEof335:
		m.cs = 335
		goto _testEof
	_testEof336:
		m.cs = 336
		goto _testEof
	_testEof337:
		m.cs = 337
		goto _testEof
	_testEof338:
		m.cs = 338
		goto _testEof
	_testEof339:
		m.cs = 339
		goto _testEof
	_testEof340:
		m.cs = 340
		goto _testEof
	_testEof341:
		m.cs = 341
		goto _testEof
	_testEof342:
		m.cs = 342
		goto _testEof
	_testEof343:
		m.cs = 343
		goto _testEof
	_testEof344:
		m.cs = 344
		goto _testEof
	_testEof345:
		m.cs = 345
		goto _testEof
	_testEof346:
		m.cs = 346
		goto _testEof
	_testEof347:
		m.cs = 347
		goto _testEof
	_testEof348:
		m.cs = 348
		goto _testEof
	_testEof349:
		m.cs = 349
		goto _testEof
	_testEof350:
		m.cs = 350
		goto _testEof
	_testEof351:
		m.cs = 351
		goto _testEof
	_testEof352:
		m.cs = 352
		goto _testEof
	_testEof353:
		m.cs = 353
		goto _testEof
	_testEof354:
		m.cs = 354
		goto _testEof
	_testEof355:
		m.cs = 355
		goto _testEof
	_testEof356:
		m.cs = 356
		goto _testEof
	_testEof357:
		m.cs = 357
		goto _testEof
	_testEof358:
		m.cs = 358
		goto _testEof
	_testEof359:
		m.cs = 359
		goto _testEof
	_testEof360:
		m.cs = 360
		goto _testEof
	_testEof361:
		m.cs = 361
		goto _testEof
	_testEof362:
		m.cs = 362
		goto _testEof
	_testEof363:
		m.cs = 363
		goto _testEof
	_testEof364:
		m.cs = 364
		goto _testEof
	_testEof365:
		m.cs = 365
		goto _testEof
	_testEof366:
		m.cs = 366
		goto _testEof
	_testEof367:
		m.cs = 367
		goto _testEof
	_testEof368:
		m.cs = 368
		goto _testEof
	_testEof369:
		m.cs = 369
		goto _testEof
	_testEof370:
		m.cs = 370
		goto _testEof
	_testEof371:
		m.cs = 371
		goto _testEof
	_testEof372:
		m.cs = 372
		goto _testEof
	_testEof373:
		m.cs = 373
		goto _testEof
	_testEof374:
		m.cs = 374
		goto _testEof
	_testEof375:
		m.cs = 375
		goto _testEof
	_testEof376:
		m.cs = 376
		goto _testEof
	_testEof377:
		m.cs = 377
		goto _testEof
	_testEof378:
		m.cs = 378
		goto _testEof
	_testEof379:
		m.cs = 379
		goto _testEof
	_testEof380:
		m.cs = 380
		goto _testEof
	_testEof381:
		m.cs = 381
		goto _testEof
	_testEof382:
		m.cs = 382
		goto _testEof
	_testEof383:
		m.cs = 383
		goto _testEof
	_testEof384:
		m.cs = 384
		goto _testEof
	_testEof385:
		m.cs = 385
		goto _testEof
	_testEof386:
		m.cs = 386
		goto _testEof
	_testEof387:
		m.cs = 387
		goto _testEof
	_testEof388:
		m.cs = 388
		goto _testEof
	_testEof389:
		m.cs = 389
		goto _testEof
	_testEof390:
		m.cs = 390
		goto _testEof
	_testEof391:
		m.cs = 391
		goto _testEof
	_testEof392:
		m.cs = 392
		goto _testEof
	_testEof393:
		m.cs = 393
		goto _testEof
	_testEof394:
		m.cs = 394
		goto _testEof
	_testEof395:
		m.cs = 395
		goto _testEof
	_testEof396:
		m.cs = 396
		goto _testEof
	_testEof397:
		m.cs = 397
		goto _testEof
	_testEof398:
		m.cs = 398
		goto _testEof
	_testEof399:
		m.cs = 399
		goto _testEof
	_testEof400:
		m.cs = 400
		goto _testEof
	_testEof401:
		m.cs = 401
		goto _testEof
	_testEof402:
		m.cs = 402
		goto _testEof
	_testEof403:
		m.cs = 403
		goto _testEof
	_testEof404:
		m.cs = 404
		goto _testEof
	_testEof405:
		m.cs = 405
		goto _testEof
	_testEof406:
		m.cs = 406
		goto _testEof
	_testEof407:
		m.cs = 407
		goto _testEof
	_testEof408:
		m.cs = 408
		goto _testEof
	_testEof409:
		m.cs = 409
		goto _testEof
	_testEof410:
		m.cs = 410
		goto _testEof
	_testEof411:
		m.cs = 411
		goto _testEof
	_testEof412:
		m.cs = 412
		goto _testEof
	_testEof413:
		m.cs = 413
		goto _testEof
	_testEof414:
		m.cs = 414
		goto _testEof
	_testEof415:
		m.cs = 415
		goto _testEof
	_testEof416:
		m.cs = 416
		goto _testEof
	_testEof417:
		m.cs = 417
		goto _testEof
	_testEof418:
		m.cs = 418
		goto _testEof
	_testEof419:
		m.cs = 419
		goto _testEof
	_testEof420:
		m.cs = 420
		goto _testEof
	_testEof421:
		m.cs = 421
		goto _testEof
	_testEof422:
		m.cs = 422
		goto _testEof
	_testEof423:
		m.cs = 423
		goto _testEof
	_testEof424:
		m.cs = 424
		goto _testEof
	_testEof425:
		m.cs = 425
		goto _testEof
	_testEof426:
		m.cs = 426
		goto _testEof
	_testEof427:
		m.cs = 427
		goto _testEof
	_testEof428:
		m.cs = 428
		goto _testEof
	_testEof429:
		m.cs = 429
		goto _testEof
	_testEof430:
		m.cs = 430
		goto _testEof
	_testEof431:
		m.cs = 431
		goto _testEof
	_testEof432:
		m.cs = 432
		goto _testEof
	_testEof433:
		m.cs = 433
		goto _testEof
	_testEof434:
		m.cs = 434
		goto _testEof
	_testEof435:
		m.cs = 435
		goto _testEof
	_testEof436:
		m.cs = 436
		goto _testEof
	_testEof437:
		m.cs = 437
		goto _testEof
	_testEof438:
		m.cs = 438
		goto _testEof
	_testEof439:
		m.cs = 439
		goto _testEof
	_testEof440:
		m.cs = 440
		goto _testEof
	_testEof441:
		m.cs = 441
		goto _testEof
	_testEof442:
		m.cs = 442
		goto _testEof
	_testEof443:
		m.cs = 443
		goto _testEof
	_testEof444:
		m.cs = 444
		goto _testEof
	_testEof445:
		m.cs = 445
		goto _testEof
	_testEof446:
		m.cs = 446
		goto _testEof
	_testEof447:
		m.cs = 447
		goto _testEof
	_testEof448:
		m.cs = 448
		goto _testEof
	_testEof449:
		m.cs = 449
		goto _testEof
	_testEof450:
		m.cs = 450
		goto _testEof
	_testEof451:
		m.cs = 451
		goto _testEof
	_testEof452:
		m.cs = 452
		goto _testEof
	_testEof453:
		m.cs = 453
		goto _testEof
	_testEof454:
		m.cs = 454
		goto _testEof
	_testEof455:
		m.cs = 455
		goto _testEof
	_testEof456:
		m.cs = 456
		goto _testEof
	_testEof457:
		m.cs = 457
		goto _testEof
	_testEof458:
		m.cs = 458
		goto _testEof
	_testEof459:
		m.cs = 459
		goto _testEof
	_testEof460:
		m.cs = 460
		goto _testEof
	_testEof461:
		m.cs = 461
		goto _testEof
	_testEof462:
		m.cs = 462
		goto _testEof
	_testEof463:
		m.cs = 463
		goto _testEof
	_testEof464:
		m.cs = 464
		goto _testEof
	_testEof465:
		m.cs = 465
		goto _testEof
	_testEof466:
		m.cs = 466
		goto _testEof
	_testEof467:
		m.cs = 467
		goto _testEof
	_testEof468:
		m.cs = 468
		goto _testEof
	_testEof469:
		m.cs = 469
		goto _testEof
	_testEof470:
		m.cs = 470
		goto _testEof
	_testEof471:
		m.cs = 471
		goto _testEof
	_testEof472:
		m.cs = 472
		goto _testEof
	_testEof473:
		m.cs = 473
		goto _testEof
	_testEof474:
		m.cs = 474
		goto _testEof
	_testEof475:
		m.cs = 475
		goto _testEof
	_testEof476:
		m.cs = 476
		goto _testEof
	_testEof477:
		m.cs = 477
		goto _testEof
	_testEof478:
		m.cs = 478
		goto _testEof
	_testEof479:
		m.cs = 479
		goto _testEof
	_testEof480:
		m.cs = 480
		goto _testEof
	_testEof481:
		m.cs = 481
		goto _testEof
	_testEof482:
		m.cs = 482
		goto _testEof
	_testEof483:
		m.cs = 483
		goto _testEof
	_testEof484:
		m.cs = 484
		goto _testEof
	_testEof485:
		m.cs = 485
		goto _testEof
	_testEof486:
		m.cs = 486
		goto _testEof
	_testEof487:
		m.cs = 487
		goto _testEof
	_testEof488:
		m.cs = 488
		goto _testEof
	_testEof489:
		m.cs = 489
		goto _testEof
	_testEof490:
		m.cs = 490
		goto _testEof
	_testEof491:
		m.cs = 491
		goto _testEof
	_testEof492:
		m.cs = 492
		goto _testEof
	_testEof493:
		m.cs = 493
		goto _testEof
	_testEof494:
		m.cs = 494
		goto _testEof
	_testEof495:
		m.cs = 495
		goto _testEof
	_testEof496:
		m.cs = 496
		goto _testEof
	_testEof497:
		m.cs = 497
		goto _testEof
	_testEof498:
		m.cs = 498
		goto _testEof
	_testEof499:
		m.cs = 499
		goto _testEof
	_testEof500:
		m.cs = 500
		goto _testEof
	_testEof501:
		m.cs = 501
		goto _testEof
	_testEof502:
		m.cs = 502
		goto _testEof
	_testEof503:
		m.cs = 503
		goto _testEof
	_testEof504:
		m.cs = 504
		goto _testEof
	_testEof505:
		m.cs = 505
		goto _testEof
	_testEof506:
		m.cs = 506
		goto _testEof
	_testEof507:
		m.cs = 507
		goto _testEof
	_testEof508:
		m.cs = 508
		goto _testEof
	_testEof509:
		m.cs = 509
		goto _testEof
	_testEof510:
		m.cs = 510
		goto _testEof
	_testEof511:
		m.cs = 511
		goto _testEof
	_testEof512:
		m.cs = 512
		goto _testEof
	_testEof513:
		m.cs = 513
		goto _testEof
	_testEof514:
		m.cs = 514
		goto _testEof
	_testEof515:
		m.cs = 515
		goto _testEof
	_testEof516:
		m.cs = 516
		goto _testEof
	_testEof517:
		m.cs = 517
		goto _testEof
	_testEof518:
		m.cs = 518
		goto _testEof
	_testEof519:
		m.cs = 519
		goto _testEof
	_testEof520:
		m.cs = 520
		goto _testEof
	_testEof521:
		m.cs = 521
		goto _testEof
	_testEof522:
		m.cs = 522
		goto _testEof
	_testEof523:
		m.cs = 523
		goto _testEof
	_testEof524:
		m.cs = 524
		goto _testEof
	_testEof525:
		m.cs = 525
		goto _testEof
	_testEof526:
		m.cs = 526
		goto _testEof
	_testEof527:
		m.cs = 527
		goto _testEof
	_testEof528:
		m.cs = 528
		goto _testEof
	_testEof529:
		m.cs = 529
		goto _testEof
	_testEof530:
		m.cs = 530
		goto _testEof
	_testEof531:
		m.cs = 531
		goto _testEof
	_testEof532:
		m.cs = 532
		goto _testEof
	_testEof533:
		m.cs = 533
		goto _testEof
	_testEof534:
		m.cs = 534
		goto _testEof
	_testEof535:
		m.cs = 535
		goto _testEof
	_testEof536:
		m.cs = 536
		goto _testEof
	_testEof537:
		m.cs = 537
		goto _testEof
	_testEof538:
		m.cs = 538
		goto _testEof
	_testEof539:
		m.cs = 539
		goto _testEof
	_testEof540:
		m.cs = 540
		goto _testEof
	_testEof541:
		m.cs = 541
		goto _testEof
	_testEof542:
		m.cs = 542
		goto _testEof
	_testEof543:
		m.cs = 543
		goto _testEof
	_testEof544:
		m.cs = 544
		goto _testEof
	_testEof545:
		m.cs = 545
		goto _testEof
	_testEof546:
		m.cs = 546
		goto _testEof
	_testEof547:
		m.cs = 547
		goto _testEof
	_testEof548:
		m.cs = 548
		goto _testEof
	_testEof549:
		m.cs = 549
		goto _testEof
	_testEof550:
		m.cs = 550
		goto _testEof
	_testEof551:
		m.cs = 551
		goto _testEof
	_testEof552:
		m.cs = 552
		goto _testEof
	_testEof553:
		m.cs = 553
		goto _testEof
	_testEof554:
		m.cs = 554
		goto _testEof
	_testEof555:
		m.cs = 555
		goto _testEof
	_testEof556:
		m.cs = 556
		goto _testEof
	_testEof557:
		m.cs = 557
		goto _testEof
	_testEof558:
		m.cs = 558
		goto _testEof
	_testEof559:
		m.cs = 559
		goto _testEof
	_testEof560:
		m.cs = 560
		goto _testEof
	_testEof561:
		m.cs = 561
		goto _testEof
	_testEof562:
		m.cs = 562
		goto _testEof
	_testEof563:
		m.cs = 563
		goto _testEof
	_testEof564:
		m.cs = 564
		goto _testEof
	_testEof565:
		m.cs = 565
		goto _testEof
	_testEof566:
		m.cs = 566
		goto _testEof
	_testEof567:
		m.cs = 567
		goto _testEof
	_testEof568:
		m.cs = 568
		goto _testEof
	_testEof569:
		m.cs = 569
		goto _testEof
	_testEof570:
		m.cs = 570
		goto _testEof
	_testEof571:
		m.cs = 571
		goto _testEof
	_testEof572:
		m.cs = 572
		goto _testEof
	_testEof573:
		m.cs = 573
		goto _testEof
	_testEof574:
		m.cs = 574
		goto _testEof
	_testEof575:
		m.cs = 575
		goto _testEof
	_testEof576:
		m.cs = 576
		goto _testEof
	_testEof577:
		m.cs = 577
		goto _testEof
	_testEof578:
		m.cs = 578
		goto _testEof
	_testEof579:
		m.cs = 579
		goto _testEof
	_testEof580:
		m.cs = 580
		goto _testEof
	_testEof581:
		m.cs = 581
		goto _testEof
	_testEof582:
		m.cs = 582
		goto _testEof
	_testEof583:
		m.cs = 583
		goto _testEof
	_testEof584:
		m.cs = 584
		goto _testEof
	_testEof585:
		m.cs = 585
		goto _testEof
	_testEof586:
		m.cs = 586
		goto _testEof
	_testEof587:
		m.cs = 587
		goto _testEof
	_testEof588:
		m.cs = 588
		goto _testEof
	_testEof589:
		m.cs = 589
		goto _testEof
	_testEof590:
		m.cs = 590
		goto _testEof
	_testEof591:
		m.cs = 591
		goto _testEof
	_testEof592:
		m.cs = 592
		goto _testEof
	_testEof593:
		m.cs = 593
		goto _testEof
	_testEof594:
		m.cs = 594
		goto _testEof
	_testEof595:
		m.cs = 595
		goto _testEof
	_testEof596:
		m.cs = 596
		goto _testEof
	_testEof597:
		m.cs = 597
		goto _testEof
	_testEof598:
		m.cs = 598
		goto _testEof
	_testEof599:
		m.cs = 599
		goto _testEof
	_testEof600:
		m.cs = 600
		goto _testEof
	_testEof601:
		m.cs = 601
		goto _testEof
	_testEof602:
		m.cs = 602
		goto _testEof
	_testEof607:
		m.cs = 607
		goto _testEof

	_testEof:
		{
		}
		if (m.p) == (m.eof) {
			switch m.cs {
			case 605:

				output.message = string(m.text())

			case 1:

				m.err = fmt.Errorf(ErrPri+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 15, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132:

				m.err = fmt.Errorf(ErrMsgID+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 16:

				m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 7:

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 5:

				output.version = uint16(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 585:

				if t, e := time.Parse(RFC3339MICRO, string(m.text())); e != nil {
					m.err = fmt.Errorf("%s [col %d]", e, m.p)
					(m.p)--

					{
						goto st607
					}
				} else {
					output.timestamp = t
					output.timestampSet = true
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 4:

				m.err = fmt.Errorf(ErrVersion+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 6, 561, 562, 563, 564, 565, 566, 567, 568, 569, 570, 571, 572, 573, 574, 575, 576, 577, 578, 579, 580, 581, 582, 583, 584, 586, 587, 588, 589, 590, 591, 592, 593, 594, 595, 596, 597:

				m.err = fmt.Errorf(ErrTimestamp+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 8, 9, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 332, 333, 334, 335, 336, 337, 338, 339, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363, 364, 365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379, 380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 391, 392, 393, 394, 395, 396, 397, 398, 399, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 430, 431, 432, 433, 434, 435, 436, 437, 438, 439, 440, 441, 442, 443, 444, 445, 446, 447, 448, 449, 450, 451, 452, 453, 454, 455, 456, 457, 458, 459, 460, 461, 462, 463, 464, 465, 466, 467, 468, 469, 470, 471, 472, 473, 474, 475, 476, 477, 478, 479, 480, 481, 482, 483, 484, 485, 486, 487, 488, 489, 490, 491, 492, 493, 494, 495, 496, 497, 498, 499, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 512, 513, 514, 515, 516, 517, 518, 519, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529, 530, 531, 532, 533, 534, 535, 536, 537, 538, 539, 540, 541, 542, 543, 544, 545, 546, 547, 548, 549, 550, 551, 552, 553, 554, 555, 556, 557, 558, 559, 560:

				m.err = fmt.Errorf(ErrHostname+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 10, 11, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306:

				m.err = fmt.Errorf(ErrAppname+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 12, 13, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259:

				m.err = fmt.Errorf(ErrProcID+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 14:

				m.err = fmt.Errorf(ErrMsgID+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 24:

				delete(output.structuredData, m.currentelem)
				if len(output.structuredData) == 0 {
					output.hasElements = false
				}
				m.err = fmt.Errorf(ErrSdID+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 62, 64, 65, 66, 67, 68, 69, 70:

				if len(output.structuredData) > 0 {
					delete(output.structuredData[m.currentelem], m.currentparam)
				}
				m.err = fmt.Errorf(ErrSdParam+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 17, 18, 19, 20, 21, 22, 23:

				// If error encountered within the message rule ...
				if m.msgat > 0 {
					// Save the text until valid (m.p is where the parser has stopped)
					output.message = string(m.data[m.msgat:m.p])
				}

				m.err = fmt.Errorf(ErrMsg+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 604:

				m.pb = m.p

				m.msgat = m.p

				output.message = string(m.text())

			case 25, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101:

				if _, ok := output.structuredData[string(m.text())]; ok {
					// As per RFC5424 section 6.3.2 SD-ID MUST NOT exist more than once in a message
					m.err = fmt.Errorf(ErrSdIDDuplicated+ColumnPositionTemplate, m.p)
					(m.p)--

					{
						goto st607
					}
				} else {
					id := string(m.text())
					output.structuredData[id] = map[string]string{}
					output.hasElements = true
					m.currentelem = id
				}

				delete(output.structuredData, m.currentelem)
				if len(output.structuredData) == 0 {
					output.hasElements = false
				}
				m.err = fmt.Errorf(ErrSdID+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 2, 3, 600, 601, 602:

				m.err = fmt.Errorf(ErrPrival+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrPri+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 598, 599:

				m.err = fmt.Errorf(ErrVersion+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				output.version = uint16(common.UnsafeUTF8DecimalCodePointsToInt(m.text()))

				m.err = fmt.Errorf(ErrParse+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			case 60, 61, 63:

				m.err = fmt.Errorf(ErrEscape+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				if len(output.structuredData) > 0 {
					delete(output.structuredData[m.currentelem], m.currentparam)
				}
				m.err = fmt.Errorf(ErrSdParam+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

				m.err = fmt.Errorf(ErrStructuredData+ColumnPositionTemplate, m.p)
				(m.p)--

				{
					goto st607
				}

			}
		}

	_out:
		{
		}
	}

	if m.cs < firstFinal || m.cs == enFail {
		if m.bestEffort && output.minimal() {
			// An error occurred but partial parsing is on and partial message is minimally valid
			return output.export(), m.err
		}
		return nil, m.err
	}

	return output.export(), nil
}

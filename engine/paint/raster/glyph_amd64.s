//go:build !purego

#include "textflag.h"

// VPSHUFB patterns that spread 8 coverage bytes (broadcast to every
// quadword) over 16-bit lanes, four per pixel, in the pixel order of
// VPUNPCKLBW (lo: pixels 0, 1 | 4, 5) and VPUNPCKHBW (hi: 2, 3 | 6, 7).
DATA glyphShufLo<>+0(SB)/8, $0x8000800080008000
DATA glyphShufLo<>+8(SB)/8, $0x8001800180018001
DATA glyphShufLo<>+16(SB)/8, $0x8004800480048004
DATA glyphShufLo<>+24(SB)/8, $0x8005800580058005
GLOBL glyphShufLo<>(SB), RODATA|NOPTR, $32
DATA glyphShufHi<>+0(SB)/8, $0x8002800280028002
DATA glyphShufHi<>+8(SB)/8, $0x8003800380038003
DATA glyphShufHi<>+16(SB)/8, $0x8006800680068006
DATA glyphShufHi<>+24(SB)/8, $0x8007800780078007
GLOBL glyphShufHi<>(SB), RODATA|NOPTR, $32

// func lerpGlyphAVX2(dst *uint8, stride int, mask *uint8, w, h int, s uint64)
//
// For each of h rows of w pixels (dst rows stride bytes apart, mask rows w
// bytes apart): dst = (s·c + dst·(255−c) + 128 + …)/255 per channel with
// exact rounding, c the pixel's coverage, s the opaque colour's channels
// in 16-bit lanes: lerpSpanMask's result bit for bit (c = 0 keeps dst and
// c = 255 gives s exactly, so no pixel needs a branch). Eight pixels per
// step, then one at a time.
TEXT ·lerpGlyphAVX2(SB), NOSPLIT, $0-48
	MOVQ dst+0(FP), DI
	MOVQ stride+8(FP), R8
	MOVQ mask+16(FP), SI
	MOVQ w+24(FP), R9
	MOVQ h+32(FP), R10
	MOVQ s+40(FP), AX

	TESTQ R10, R10
	JZ    done
	VMOVQ AX, X1
	VPBROADCASTQ X1, Y1 // s, every pixel
	MOVL $0x00ff00ff, AX
	VMOVD AX, X2
	VPBROADCASTD X2, Y2 // 255 per lane
	MOVL $0x00800080, AX
	VMOVD AX, X3
	VPBROADCASTD X3, Y3 // 128 per lane
	VPXOR Y0, Y0, Y0
	VMOVDQU glyphShufLo<>(SB), Y14
	VMOVDQU glyphShufHi<>(SB), Y15

row:
	MOVQ DI, BX
	MOVQ SI, DX
	MOVQ R9, CX

block:
	CMPQ CX, $8
	JB   tail
	VMOVDQU (BX), Y5
	VPBROADCASTQ (DX), Y4
	VPUNPCKLBW Y0, Y5, Y6
	VPUNPCKHBW Y0, Y5, Y7
	VPSHUFB Y14, Y4, Y8
	VPSHUFB Y15, Y4, Y9
	VPSUBW  Y8, Y2, Y10
	VPSUBW  Y9, Y2, Y11
	VPMULLW Y10, Y6, Y6
	VPMULLW Y11, Y7, Y7
	VPMULLW Y1, Y8, Y8
	VPMULLW Y1, Y9, Y9
	VPADDW  Y8, Y6, Y6
	VPADDW  Y9, Y7, Y7
	VPADDW  Y3, Y6, Y6
	VPADDW  Y3, Y7, Y7
	VPSRLW  $8, Y6, Y8
	VPSRLW  $8, Y7, Y9
	VPADDW  Y8, Y6, Y6
	VPADDW  Y9, Y7, Y7
	VPSRLW  $8, Y6, Y6
	VPSRLW  $8, Y7, Y7
	VPACKUSWB Y7, Y6, Y6
	VMOVDQU Y6, (BX)
	ADDQ $32, BX
	ADDQ $8, DX
	SUBQ $8, CX
	JMP  block

tail:
	TESTQ CX, CX
	JZ    next
	MOVL (BX), AX
	VMOVD AX, X5
	VPMOVZXBW X5, X6
	MOVBLZX (DX), AX
	VMOVD AX, X8
	VPBROADCASTW X8, X8
	VPSUBW  X8, X2, X10
	VPMULLW X10, X6, X6
	VPMULLW X1, X8, X8
	VPADDW  X8, X6, X6
	VPADDW  X3, X6, X6
	VPSRLW  $8, X6, X8
	VPADDW  X8, X6, X6
	VPSRLW  $8, X6, X6
	VPACKUSWB X6, X6, X6
	VMOVD X6, AX
	MOVL AX, (BX)
	ADDQ $4, BX
	INCQ DX
	DECQ CX
	JMP  tail

next:
	ADDQ R8, DI
	ADDQ R9, SI
	DECQ R10
	JNZ  row

done:
	VZEROUPPER
	RET

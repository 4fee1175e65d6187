"""Prints the reference tables FanAxesTest and GainTest pin, from the frameworks themselves.

Run with Debian's python3-torch and python3-numpy (PyTorch 1.13):
    /usr/bin/python3 runtime/src/test/python/fans_and_gains.py

JAX is not installed here, so its fan rule is jax._src.nn.initializers._compute_fans as of
jax-ml/jax@cec06d1, copied below without its rank guard (which explicit axes skip) and run on
the same shapes; PyTorch's rules are called from torch.nn.init itself.
"""
import math

import torch
from torch.nn import init


def jax_compute_fans(shape, in_axis=-2, out_axis=-1, batch_axis=()):
    # The body of JAX's _compute_fans: sizes by index (negative ones count from the end),
    # the receptive field is what the three groups leave of the total, by float division.
    if isinstance(in_axis, int):
        in_size = shape[in_axis]
    else:
        in_size = math.prod([shape[i] for i in in_axis])
    if isinstance(out_axis, int):
        out_size = shape[out_axis]
    else:
        out_size = math.prod([shape[i] for i in out_axis])
    if isinstance(batch_axis, int):
        batch_size = shape[batch_axis]
    else:
        batch_size = math.prod([shape[i] for i in batch_axis])
    receptive_field_size = math.prod(shape) / in_size / out_size / batch_size
    fan_in = in_size * receptive_field_size
    fan_out = out_size * receptive_field_size
    return fan_in, fan_out


def axes(value):
    return " ".join(str(a) for a in ((value,) if isinstance(value, int) else value))


JAX_CASES = [
    # attention q kernel [dModel, heads, headDim], and k/v with fewer (grouped) heads
    ([640, 8, 64], 0, (1, 2), ()),
    ([640, 2, 64], 0, (1, 2), ()),
    # attention output kernel [heads, headDim, dModel], by positive and by negative axes
    ([8, 64, 640], (0, 1), 2, ()),
    ([8, 64, 640], (-3, -2), -1, ()),
    # stacked experts [experts, in, out]
    ([8, 640, 2560], 1, 2, 0),
    ([8, 640, 2560], -2, -1, (0,)),
    # a 2-D convolution [h, w, in, out], and a stack of them [layers, h, w, in, out]
    ([3, 3, 16, 32], 2, 3, ()),
    ([4, 3, 3, 16, 32], -2, -1, (0,)),
    ([4, 3, 3, 16, 32], 3, 4, (0, 1)),
    # axes in any order, the receptive field between them
    ([5, 7, 11], -3, -1, ()),
    ([2, 3, 4, 5, 6], 1, 3, 0),
    ([6, 5, 4, 3, 2], (4, 0), (1,), (2,)),
    # JAX's default axes (-2, -1) on ranks 2 to 5
    ([784, 256], -2, -1, ()),
    ([5, 3, 4], -2, -1, ()),
    ([3, 5, 16, 32], -2, -1, ()),
    ([2, 3, 5, 16, 32], -2, -1, ()),
]

# A layout with batch axes: JAX's rule with the layout's channels as the in and out axes.
LAYOUT_CHANNELS = {"IN_OUT": (-2, -1), "OUT_IN": (1, 0)}
LAYOUT_CASES = [
    ("IN_OUT", [8, 640, 2560], (0,)),
    ("IN_OUT", [4, 3, 3, 16, 32], (0,)),
    ("IN_OUT", [4, 3, 3, 16, 32], (0, 1)),
    ("IN_OUT", [4, 3, 3, 16, 32], (-5,)),
    ("OUT_IN", [32, 16, 4, 3, 3], (2,)),
    ("OUT_IN", [2560, 640, 8], (-1,)),
]

TORCH_SHAPES = [[256, 784], [20, 15, 5], [32, 16, 3, 5], [32, 16, 2, 3, 5], [7, 1], [1, 9, 1, 1]]

print("// JAX _compute_fans: shape; inAxes; outAxes; batchAxes; fanIn; fanOut")
for shape, in_axis, out_axis, batch_axis in JAX_CASES:
    fan_in, fan_out = jax_compute_fans(shape, in_axis, out_axis, batch_axis)
    assert fan_in == int(fan_in) and fan_out == int(fan_out)
    print('"%s; %s; %s; %s; %d; %d",' % (" ".join(map(str, shape)), axes(in_axis),
                                         axes(out_axis), axes(batch_axis), fan_in, fan_out))

print("// JAX _compute_fans with a layout's channels: layout; shape; batchAxes; fanIn; fanOut")
for layout, shape, batch_axis in LAYOUT_CASES:
    in_axis, out_axis = LAYOUT_CHANNELS[layout]
    fan_in, fan_out = jax_compute_fans(shape, in_axis, out_axis, batch_axis)
    assert fan_in == int(fan_in) and fan_out == int(fan_out)
    print('"%s; %s; %s; %d; %d",' % (layout, " ".join(map(str, shape)), axes(batch_axis),
                                     fan_in, fan_out))

print("// torch.nn.init._calculate_fan_in_and_fan_out (OUT_IN): shape; fanIn; fanOut")
for shape in TORCH_SHAPES:
    fan_in, fan_out = init._calculate_fan_in_and_fan_out(torch.empty(shape))
    print('"%s; %d; %d",' % (" ".join(map(str, shape)), fan_in, fan_out))

print("// torch.nn.init.calculate_gain(...) ** 2, as float.hex, torch " + torch.__version__)
for name, param in [("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None),
                    ("relu", None), ("selu", None), ("leaky_relu", None), ("leaky_relu", 0.2),
                    ("leaky_relu", 0.0), ("leaky_relu", -0.5), ("leaky_relu", 1e-3),
                    ("leaky_relu", 3.0)]:
    gain = init.calculate_gain(name, param)
    print("%s %r: %s  (%r)" % (name, param, float(gain * gain).hex(), gain * gain))

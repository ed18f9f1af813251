/**
 * Dashed edges for hedged relations ("may", "可能"). Sigma's clamped-edge program (the body of its
 * arrows) with a dash pattern: the vertex shader passes the on-screen distance from the edge's source
 * in device pixels, so dashes keep their length at every zoom level. Picking (hover, click) uses the
 * whole edge, gaps included. The dashed line stops at the node's border; the dashed arrow leaves room
 * for sigma's solid arrow head.
 */
import { EdgeProgram, createEdgeArrowHeadProgram, createEdgeCompoundProgram } from 'sigma/rendering';
import type { ProgramInfo } from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';

const DASH = 7;
const GAP = 5;
/** Sigma's default ratio of arrow-head length to edge thickness. */
const ARROW_HEAD_LENGTH_RATIO = 2.5;

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;
uniform vec2 u_dimensions;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const float bias = 255.0 / 254.0;

void main() {
  float radius = a_radius * a_radiusCoef;
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;

  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;

  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  float direction = sign(radius);
  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);

  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  vec2 dashStart = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 dashEnd = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length((dashEnd - dashStart) * u_dimensions * 0.5);

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`;

const FRAGMENT = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

uniform float u_pixelRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (mod(v_along, ${(DASH + GAP).toFixed(1)} * u_pixelRatio) > ${DASH.toFixed(1)} * u_pixelRatio) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const UNIFORMS = [
  'u_matrix',
  'u_zoomRatio',
  'u_sizeRatio',
  'u_correctionRatio',
  'u_pixelRatio',
  'u_feather',
  'u_minEdgeThickness',
  'u_lengthToThicknessRatio',
  'u_dimensions',
] as const;
type Uniform = (typeof UNIFORMS)[number];

const { FLOAT, UNSIGNED_BYTE, TRIANGLES } = WebGLRenderingContext;

/** A dashed edge; `clamped` stops it short of the target to leave room for an arrow head. */
function createDashedEdgeProgram<N extends Attributes, E extends Attributes, G extends Attributes>(clamped: boolean) {
  return class DashedEdgeProgram extends EdgeProgram<Uniform, N, E, G> {
    getDefinition() {
      return {
        VERTICES: 6,
        VERTEX_SHADER_SOURCE: VERTEX,
        FRAGMENT_SHADER_SOURCE: FRAGMENT,
        METHOD: TRIANGLES,
        UNIFORMS,
        ATTRIBUTES: [
          { name: 'a_positionStart', size: 2, type: FLOAT },
          { name: 'a_positionEnd', size: 2, type: FLOAT },
          { name: 'a_normal', size: 2, type: FLOAT },
          { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: 'a_radius', size: 1, type: FLOAT },
        ],
        CONSTANT_ATTRIBUTES: [
          { name: 'a_positionCoef', size: 1, type: FLOAT },
          { name: 'a_normalCoef', size: 1, type: FLOAT },
          { name: 'a_radiusCoef', size: 1, type: FLOAT },
        ],
        CONSTANT_DATA: [
          [0, 1, 0],
          [0, -1, 0],
          [1, 1, 1],
          [1, 1, 1],
          [0, -1, 0],
          [1, -1, -1],
        ],
      };
    }

    processVisibleItem(
      edgeIndex: number,
      startIndex: number,
      sourceData: NodeDisplayData,
      targetData: NodeDisplayData,
      data: EdgeDisplayData,
    ): void {
      const thickness = data.size || 1;
      const dx = targetData.x - sourceData.x;
      const dy = targetData.y - sourceData.y;
      let len = dx * dx + dy * dy;
      let n1 = 0;
      let n2 = 0;
      if (len) {
        len = 1 / Math.sqrt(len);
        n1 = -dy * len * thickness;
        n2 = dx * len * thickness;
      }
      const array = this.array;
      let i = startIndex;
      array[i++] = sourceData.x;
      array[i++] = sourceData.y;
      array[i++] = targetData.x;
      array[i++] = targetData.y;
      array[i++] = n1;
      array[i++] = n2;
      array[i++] = floatColor(data.color);
      array[i++] = edgeIndex;
      array[i++] = clamped ? targetData.size || 1 : 0;
    }

    setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<Uniform>): void {
      gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
      gl.uniform1f(uniformLocations.u_zoomRatio, params.zoomRatio);
      gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
      gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
      gl.uniform1f(uniformLocations.u_pixelRatio, params.pixelRatio);
      gl.uniform1f(uniformLocations.u_feather, params.antiAliasingFeather);
      gl.uniform1f(uniformLocations.u_minEdgeThickness, params.minEdgeThickness);
      gl.uniform1f(uniformLocations.u_lengthToThicknessRatio, clamped ? ARROW_HEAD_LENGTH_RATIO : 0);
      gl.uniform2f(uniformLocations.u_dimensions, params.width * params.pixelRatio, params.height * params.pixelRatio);
    }
  };
}

/** A dashed line without arrow (hedged symmetric relations). */
export const createDashedLineProgram = <N extends Attributes, E extends Attributes, G extends Attributes>() =>
  createDashedEdgeProgram<N, E, G>(false);

/** A dashed arrow: dashed body and sigma's solid head (hedged directed relations). */
export const createDashedArrowProgram = <N extends Attributes, E extends Attributes, G extends Attributes>() =>
  createEdgeCompoundProgram<N, E, G>([createDashedEdgeProgram<N, E, G>(true), createEdgeArrowHeadProgram<N, E, G>()]);

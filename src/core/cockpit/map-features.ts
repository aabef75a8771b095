// The polygons of reference/xingtai-counties-2018.geojson (feature id = 2018 division code, name as in the
// file). The web draws that file; the core only needs which codes have a polygon. Checked against the
// file in test/cockpit.test.ts.
import type { MapFeature } from './map-regions';

export const MAP_FEATURES: readonly MapFeature[] = [
  ['130502', '桥东区'], ['130524', '柏乡县'], ['130521', '邢台县'], ['130503', '桥西区'], ['130522', '临城县'], ['130523', '内丘县'],
  ['130525', '隆尧县'], ['130526', '任县'], ['130527', '南和县'], ['130528', '宁晋县'], ['130529', '巨鹿县'], ['130530', '新河县'],
  ['130531', '广宗县'], ['130532', '平乡县'], ['130533', '威县'], ['130535', '临西县'], ['130534', '清河县'], ['130581', '南宫市'], ['130582', '沙河市'],
].map(([code, name]) => ({ code: code!, name: name! }));

// The county map's ECharts parts (map series, continuous visual map), in their own chunk: loaded when the
// cockpit first draws its map, so the chart chunk every page shares stays as small as before (issue 12).
import { MapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([MapChart, VisualMapContinuousComponent]);

/** Registers GeoJSON polygons under a map name (once per name). */
export function registerMap(name: string, geoJson: object): void {
  if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}
